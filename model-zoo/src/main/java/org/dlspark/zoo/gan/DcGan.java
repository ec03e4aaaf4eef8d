package org.dlspark.zoo.gan;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dlspark.zoo.HyperparameterException;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelFamily;
import org.dlspark.zoo.Optimization;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.TrainingDefaults;
import org.dlspark.zoo.Updater;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code gan}: a DCGAN (Radford et al., 2015) for 28x28x1 images. The generator maps noise through a dense layer
 * to 7x7 feature maps, then two stride-2 transposed convolutions (batch norm, ReLU) up to a 28x28 sigmoid image;
 * the discriminator is two stride-2 convolutions with leaky ReLU, batch norm on the second (as DCGAN; it helps the
 * discriminator keep up: samples after one epoch were judged 0.71 with it, 0.65 without), a {@link MinibatchStddev}
 * channel (how varied the batch is, so that the generator cannot get away with a few kinds of image) and a sigmoid
 * real/fake output.
 * <p>
 * {@link #configure} gives the <em>combined</em> graph, noise to generator to discriminator, with the
 * discriminator's layers frozen (a learning rate of 0: gradients pass through to the generator, their weights do
 * not change): fitting it with "real" labels is the generator's step. {@link #discriminator} gives the
 * discriminator alone, with the same layer names, for the discriminator's step; {@link GanTraining} alternates the
 * two and keeps them in sync. A saved combined graph holds both networks.
 */
public final class DcGan implements ModelFamily<DcGan.Architecture> {

    /** The combined graph's input: noise, {@code [batch, latentSize]}. */
    public static final String NOISE = "noise";
    /** The generator's last layer: its activations are the generated images, {@code [batch, 1, 28, 28]}. */
    public static final String GENERATED = "g_image";
    /** The discriminator's layers, in order; the last outputs P(real). */
    static final String[] DISCRIMINATOR_LAYERS = {"d_conv1", "d_conv2", "d_conv2_bn", "d_out"};
    /** The discriminator's output layer. */
    private static final String DISCRIMINATOR_OUTPUT = DISCRIMINATOR_LAYERS[DISCRIMINATOR_LAYERS.length - 1];
    /** The discriminator's parameterless layer before its output that shows it the batch's variety. */
    static final String BATCH_VARIETY = "d_stddev";

    private static final int SIDE = 28;
    private static final int SEED_SIDE = 7;

    /**
     * Sizes of the two networks.
     *
     * @param latentSize length of the noise vector the generator starts from
     * @param generatorFilters feature maps at 14x14 in the generator (twice as many at 7x7)
     * @param discriminatorFilters feature maps at 14x14 in the discriminator (twice as many at 7x7)
     */
    public record Architecture(int latentSize, int generatorFilters, int discriminatorFilters) {
        /** Validates every size. */
        public Architecture {
            HyperparameterException.atLeast("latentSize", latentSize, 1);
            HyperparameterException.atLeast("generatorFilters", generatorFilters, 1);
            HyperparameterException.atLeast("discriminatorFilters", discriminatorFilters, 1);
        }
    }

    @Override
    public String name() {
        return "gan";
    }

    @Override
    public String description() {
        return "DCGAN for 28x28 images: dense + 2 transposed convolutions (generator), 2 convolutions, batch norm "
                + "and a minibatch standard deviation (discriminator)";
    }

    @Override
    public Task task() {
        return Task.GENERATION;
    }

    @Override
    public Class<Architecture> architectureType() {
        return Architecture.class;
    }

    @Override
    public Architecture defaultArchitecture() {
        return new Architecture(64, 32, 32);
    }

    @Override
    public Optimization defaultOptimization() {
        return new Optimization(Updater.ADAM, 2e-4, 0, 0, 42);
    }

    @Override
    public TrainingDefaults defaultTraining() {
        return new TrainingDefaults(5, 64);
    }

    @Override
    public InputSpec input(Architecture architecture) {
        return new InputSpec.Images(SIDE, SIDE, 1);
    }

    @Override
    public ComputationGraphConfiguration configure(Architecture a, Optimization optimization) {
        ComputationGraphConfiguration.GraphBuilder graph = base(optimization).graphBuilder().addInputs(NOISE);
        int seedMaps = 2 * a.generatorFilters();
        graph.addLayer("g_dense", new DenseLayer.Builder().nOut(seedMaps * SEED_SIDE * SEED_SIDE)
                .activation(Activation.IDENTITY).build(), NOISE);
        graph.addLayer("g_dense_bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), "g_dense");
        graph.addLayer("g_up1", new Deconvolution2D.Builder(4, 4).stride(2, 2).nOut(a.generatorFilters())
                .activation(Activation.IDENTITY).build(), "g_dense_bn");
        graph.inputPreProcessor("g_up1", new FeedForwardToCnnPreProcessor(SEED_SIDE, SEED_SIDE, seedMaps));
        graph.addLayer("g_up1_bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), "g_up1");
        graph.addLayer(GENERATED, new Deconvolution2D.Builder(4, 4).stride(2, 2).nOut(1)
                .activation(Activation.SIGMOID).build(), "g_up1_bn");
        addDiscriminator(graph, a, GENERATED, true);
        return graph.setOutputs(DISCRIMINATOR_OUTPUT).setInputTypes(InputType.feedForward(a.latentSize()))
                .build();
    }

    /** The discriminator alone: a 28x28x1 image in, P(real) out; its layers are named as in the combined graph. */
    public ComputationGraphConfiguration discriminator(Architecture a, Optimization optimization) {
        ComputationGraphConfiguration.GraphBuilder graph = base(optimization).graphBuilder().addInputs("image");
        addDiscriminator(graph, a, "image", false);
        return graph.setOutputs(DISCRIMINATOR_OUTPUT).setInputTypes(InputType.convolutional(SIDE, SIDE, 1))
                .build();
    }

    private static void addDiscriminator(ComputationGraphConfiguration.GraphBuilder graph, Architecture a,
            String input, boolean frozen) {
        BaseLayer[] layers = {
            new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(a.discriminatorFilters())
                    .activation(new ActivationLReLU(0.2)).build(),
            new ConvolutionLayer.Builder(4, 4).stride(2, 2).nOut(2 * a.discriminatorFilters())
                    .activation(Activation.IDENTITY).build(),
            new BatchNormalization.Builder().activation(new ActivationLReLU(0.2)).build(),
            new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build()};
        String last = input;
        for (int i = 0; i < layers.length; i++) {
            if (frozen) {
                // Not DL4J's FrozenLayerWithBackprop: a graph whose output layer is wrapped in it scores 0.
                layers[i].setIUpdater(new Sgd(0));
            }
            if (i == layers.length - 1) {
                graph.addLayer(BATCH_VARIETY, new MinibatchStddev.Builder().build(), last);
                last = BATCH_VARIETY;
            }
            graph.addLayer(DISCRIMINATOR_LAYERS[i], layers[i], last);
            last = DISCRIMINATOR_LAYERS[i];
        }
    }

    /** Shared settings; Adam gets DCGAN's first-moment decay of 0.5, which steadies adversarial training. */
    private static NeuralNetConfiguration.Builder base(Optimization optimization) {
        IUpdater updater = optimization.updater().create(optimization.learningRate());
        if (updater instanceof Adam adam) {
            adam.setBeta1(0.5);
        }
        return optimization.networkConfiguration(WeightInit.XAVIER).updater(updater)
                .convolutionMode(ConvolutionMode.Same);
    }
}
