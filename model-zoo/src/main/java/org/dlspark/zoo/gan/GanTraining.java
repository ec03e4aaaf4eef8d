package org.dlspark.zoo.gan;

import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.ZooModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adversarial training of a {@link DcGan}: each step first fits the discriminator on real images (target 0.9,
 * one-sided label smoothing), then on as many generated ones (target 0), copies its weights into the combined
 * graph's frozen discriminator, then fits the generator through the combined graph to make the discriminator say
 * "real". Real and generated images go in separate minibatches so that the discriminator's batch norm and minibatch
 * standard deviation see each kind alone.
 */
public final class GanTraining {

    /** The target the discriminator learns for real images. */
    static final double REAL_TARGET = 0.9;

    /**
     * Which network each fit of a step fits, by position: the discriminator twice (real, then generated images),
     * then the combined graph (the generator through the frozen discriminator); 0 is the combined graph.
     */
    public static final List<Integer> FIT_NETWORKS = List.of(1, 1, 0);

    private final ComputationGraph gan;
    private final ComputationGraph discriminator;
    private final int latentSize;
    private final Random random;
    private final int generatedVertex;

    /**
     * Trains {@code gan}, a network built from {@code model} (the combined graph); the discriminator starts from the
     * combined graph's copy of it.
     *
     * @throws IllegalArgumentException when {@code model} is not the {@code gan} family
     */
    public GanTraining(ZooModel model, ComputationGraph gan) {
        this(gan, newDiscriminator(model, gan), architecture(model).latentSize(), model.optimization().seed());
    }

    /**
     * Continues training {@code gan} with {@code discriminator} (both in the state another {@code GanTraining}
     * left them), drawing noise of {@code latentSize} from {@code noiseSeed}: how a worker of distributed training
     * takes over.
     */
    public GanTraining(ComputationGraph gan, ComputationGraph discriminator, int latentSize, long noiseSeed) {
        this.gan = gan;
        this.discriminator = discriminator;
        this.latentSize = latentSize;
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(noiseSeed);
        this.generatedVertex = gan.getVertex(DcGan.GENERATED).getVertexIndex();
    }

    /** The GAN architecture of {@code model}; an error when {@code model} is not the {@code gan} family. */
    public static DcGan.Architecture architecture(ZooModel model) {
        if (!(model.architecture() instanceof DcGan.Architecture architecture)) {
            throw new IllegalArgumentException(model.name() + " is not a GAN");
        }
        return architecture;
    }

    /** A discriminator that starts from the combined graph's copy of it, with a fresh updater. */
    public static ComputationGraph newDiscriminator(ZooModel model, ComputationGraph gan) {
        ComputationGraph discriminator = new ComputationGraph(new DcGan().discriminator(architecture(model),
                model.optimization()));
        discriminator.init();
        for (String layer : DcGan.DISCRIMINATOR_LAYERS) {
            discriminator.getLayer(layer).params().assign(gan.getLayer(layer).params());
        }
        return discriminator;
    }

    /** The combined graph: the generator and (a synchronised copy of) the discriminator. */
    public ComputationGraph network() {
        return gan;
    }

    /** The discriminator being trained. */
    public ComputationGraph discriminator() {
        return discriminator;
    }

    /** {@code count} noise vectors, standard normal. */
    public INDArray noise(int count) {
        return random.nextGaussian(new long[] {count, latentSize}).castTo(gan.params().dataType());
    }

    /** The generator's images for {@code noise}, {@code [batch, 1, 28, 28]} in [0, 1]. */
    public INDArray generate(INDArray noise) {
        return generate(gan, noise);
    }

    /** The images a trained combined graph generates for {@code noise}. */
    public static INDArray generate(ComputationGraph gan, INDArray noise) {
        int vertex = gan.getVertex(DcGan.GENERATED).getVertexIndex();
        return gan.feedForward(new INDArray[] {noise}, vertex, false).get(DcGan.GENERATED).detach();
    }

    /**
     * What the fits of one step on a minibatch of real images fit, by position ({@link #FIT_NETWORKS} says which
     * network): 0 the real images (target 0.9), 1 as many generated ones (target 0, generated before the step's
     * first fit), 2 noise for the generator through the combined graph (target 1). Each is asked for after the fit
     * before it was applied; the combined graph must be {@linkplain #synchronise() synchronised} before its fit and
     * after it.
     */
    public IntFunction<DataSet> fits(INDArray real) {
        int n = (int) real.size(0);
        // In training mode, as the generator's own step runs: its batch norm normalises by the batch, so the
        // discriminator judges the images the generator is being trained to improve.
        INDArray fake = gan.feedForward(new INDArray[] {noise(n)}, generatedVertex, true).get(DcGan.GENERATED)
                .detach();
        DataType type = fake.dataType();
        return position -> switch (position) {
            case 0 -> new DataSet(real.castTo(type), Nd4j.valueArrayOf(new long[] {n, 1}, REAL_TARGET, type));
            case 1 -> new DataSet(fake, Nd4j.zeros(type, n, 1));
            case 2 -> new DataSet(noise(n), Nd4j.ones(type, n, 1));
            default -> throw new IndexOutOfBoundsException("a GAN step has 3 fits, not " + (position + 1));
        };
    }

    /**
     * Copies the discriminator's weights into the combined graph's frozen copy: before the generator's fit, so that
     * it is trained against the discriminator as it now is, and after it, since DL4J moves batch norm's running
     * statistics outside the updater and the frozen copy's have moved.
     */
    public void synchronise() {
        for (String layer : DcGan.DISCRIMINATOR_LAYERS) {
            gan.getLayer(layer).params().assign(discriminator.getLayer(layer).params());
        }
    }
}
