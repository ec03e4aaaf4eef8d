package org.dlspark.zoo.gan;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An exponential moving average of a GAN generator's weights, the generator that samples are drawn from (as in
 * Karras et al.'s progressive GANs and StyleGAN). Adversarial training does not settle: the generator's samples
 * get better and worse from a few hundred steps to the next, and the average smooths that out. Its half-life is
 * counted in training images ({@value #HALF_LIFE_IMAGES}, StyleGAN's), so that it is the same whether the weights
 * move after every minibatch in one JVM or after every averaging round on Spark.
 * <p>
 * The average is kept as a combined graph: the averaged generator, and the discriminator as it was at the last
 * update (not averaged), so that it can be saved and loaded like the graph under training.
 */
public final class GeneratorAverage {

    /** Training images after which an old weight counts half as much in the average. */
    public static final double HALF_LIFE_IMAGES = 10_000;

    private final ComputationGraph average;
    private final List<String> generatorLayers;
    private final List<String> discriminatorLayers = List.of(DcGan.DISCRIMINATOR_LAYERS);

    /** An average that starts at {@code gan}'s current weights. */
    public GeneratorAverage(ComputationGraph gan) {
        this.average = gan.clone();
        this.generatorLayers = Arrays.stream(gan.getLayers()).filter(layer -> layer.numParams() > 0)
                .map(layer -> layer.conf().getLayer().getLayerName())
                .filter(name -> !discriminatorLayers.contains(name)).toList();
    }

    /** Moves the average towards {@code gan}'s generator, which has trained on {@code images} more images. */
    public void update(ComputationGraph gan, long images) {
        double kept = Math.pow(0.5, images / HALF_LIFE_IMAGES);
        for (String name : generatorLayers) {
            INDArray averaged = average.getLayer(name).params();
            averaged.muli(kept).addi(gan.getLayer(name).params().mul(1 - kept));
        }
        for (String name : discriminatorLayers) {
            average.getLayer(name).params().assign(gan.getLayer(name).params());
        }
    }

    /** The combined graph with the averaged generator. */
    public ComputationGraph network() {
        return average;
    }

    /** The averaged generator's images for {@code noise}, {@code [batch, 1, 28, 28]} in [0, 1]. */
    public INDArray generate(INDArray noise) {
        return GanTraining.generate(average, noise);
    }

    /** The names of the generator's layers with weights, in the graph's order. */
    List<String> generatorLayers() {
        return generatorLayers;
    }
}
