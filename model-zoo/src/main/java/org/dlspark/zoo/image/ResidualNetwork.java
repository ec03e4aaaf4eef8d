package org.dlspark.zoo.image;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.dlspark.zoo.HyperparameterException;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelFamily;
import org.dlspark.zoo.Optimization;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.TrainingDefaults;
import org.dlspark.zoo.Updater;
import org.dlspark.zoo.cpu.ReluActivation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code resnet}: a residual network for 28x28x1 images (or the {@code height}, {@code width} and {@code channels}
 * given) (He et al., CIFAR-style): a 3x3 convolution stem,
 * optionally followed by 2x2 max pooling, then {@code stages} stages of {@code blocksPerStage} basic blocks
 * (conv-BN-ReLU-conv-BN, added to the shortcut, ReLU). The first stage keeps the stem's size with identity
 * shortcuts; each later stage halves the size and doubles the filters in its first block, whose shortcut is a
 * projection (1x1 convolution, stride 2, batch norm). A softmax layer classifies the last stage's feature maps,
 * flattened or averaged over each map (global average pooling), with dropout on its input. He-normal weights, Adam.
 */
public final class ResidualNetwork implements ModelFamily<ResidualNetwork.Architecture> {

    /**
     * @param filters filters of the stem and the first stage; each later stage doubles them
     * @param stemPooling whether 2x2 max pooling follows the stem, so that the stages start at 14x14 (a quarter
     *     of the computation of starting at 28x28)
     * @param stages number of stages (the image is halved between stages, so at most 3)
     * @param blocksPerStage basic blocks in each stage
     * @param globalPooling whether the softmax layer sees each final feature map's average (global average
     *     pooling) instead of every position of it (flattened)
     * @param classes output classes
     * @param height input image height
     * @param width input image width
     * @param channels input image channels (1 grey, 3 RGB)
     */
    public record Architecture(int filters, boolean stemPooling, int stages, int blocksPerStage,
            boolean globalPooling, int classes, int height, int width, int channels) {
        /** Validates every size. */
        public Architecture {
            HyperparameterException.atLeast("filters", filters, 1);
            HyperparameterException.atLeast("stages", stages, 1);
            if (stages > 3) {
                throw HyperparameterException.of("stages", "must be at most 3, got " + stages);
            }
            HyperparameterException.atLeast("blocksPerStage", blocksPerStage, 1);
            HyperparameterException.atLeast("classes", classes, 2);
            HyperparameterException.atLeast("height", height, MIN_SIDE);
            HyperparameterException.atLeast("width", width, MIN_SIDE);
            HyperparameterException.atLeast("channels", channels, 1);
        }
    }

    /** The smallest side that the stem's pooling and two stride-2 stages leave at least 2 pixels of. */
    private static final int MIN_SIDE = 8;

    @Override
    public String name() {
        return "resnet";
    }

    @Override
    public String description() {
        return "residual network: conv stem and 2x2 max pooling, 2 stages of basic blocks (32-64 filters, 14x14 "
                + "then 7x7), identity and projection shortcuts, batch norm, flattened into a softmax layer with "
                + "dropout; Adam";
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public Class<Architecture> architectureType() {
        return Architecture.class;
    }

    @Override
    public Architecture defaultArchitecture() {
        return new Architecture(32, true, 2, 1, false, 10, 28, 28, 1);
    }

    @Override
    public Optimization defaultOptimization() {
        // dropout of the 3,136 flattened features that the softmax layer sees (29% of the parameters are there):
        // without it the network overfits in its last epoch (test accuracy 0.9229 after epoch 6, 0.9196 after 7)
        return new Optimization(Updater.ADAM, 1e-3, 1e-4, 0.5, 42);
    }

    @Override
    public TrainingDefaults defaultTraining() {
        return new TrainingDefaults(7, 64);
    }

    @Override
    public InputSpec input(Architecture architecture) {
        return new InputSpec.Images(architecture.height(), architecture.width(), architecture.channels());
    }

    @Override
    public ComputationGraphConfiguration configure(Architecture a, Optimization optimization) {
        ComputationGraphConfiguration.GraphBuilder graph = optimization.networkConfiguration(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same).graphBuilder().addInputs("input");
        String last = convBn(graph, "stem", "input", a.filters(), 1);
        graph.addLayer("stem_relu", relu(), last);
        last = "stem_relu";
        if (a.stemPooling()) {
            graph.addLayer("stem_pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2)
                    .stride(2, 2).build(), last);
            last = "stem_pool";
        }
        int filters = a.filters();
        for (int stage = 1; stage <= a.stages(); stage++) {
            for (int block = 1; block <= a.blocksPerStage(); block++) {
                boolean downsample = stage > 1 && block == 1;
                if (downsample) {
                    filters *= 2;
                }
                last = basicBlock(graph, "s" + stage + "b" + block, last, filters, downsample);
            }
        }
        if (a.globalPooling()) {
            graph.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
            last = "pool";
        }
        graph.addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(a.classes())
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER)
                .dropOut(optimization.retainProbability()).build(), last);
        return graph.setOutputs("output").setInputTypes(InputType.convolutional(a.height(), a.width(), a.channels())).build();
    }

    /**
     * conv-BN-ReLU-conv-BN plus shortcut, then ReLU; returns the name of the block's output. Vertices are added in
     * the order DL4J's topological sort visits them (breadth first), so that {@code paramTable()} lists the
     * parameters in the order of the flattened parameter vector, as tools that read it in order (DL4J's gradient
     * check among them) assume.
     */
    private static String basicBlock(ComputationGraphConfiguration.GraphBuilder graph, String name, String input,
            int filters, boolean downsample) {
        String shortcut = input;
        if (downsample) {
            graph.addLayer(name + "_proj_conv", conv(1, 2, filters), input);
            graph.addLayer(name + "_a_conv", conv(3, 2, filters), input);
            graph.addLayer(name + "_proj_bn", new BatchNormalization.Builder().build(), name + "_proj_conv");
            shortcut = name + "_proj_bn";
        } else {
            graph.addLayer(name + "_a_conv", conv(3, 1, filters), input);
        }
        graph.addLayer(name + "_a_bn", new BatchNormalization.Builder().build(), name + "_a_conv");
        graph.addLayer(name + "_a_relu", relu(), name + "_a_bn");
        String second = convBn(graph, name + "_b", name + "_a_relu", filters, 1);
        graph.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), second, shortcut);
        graph.addLayer(name, relu(), name + "_add");
        return name;
    }

    private static String convBn(ComputationGraphConfiguration.GraphBuilder graph, String name, String input,
            int filters, int stride) {
        graph.addLayer(name + "_conv", conv(3, stride, filters), input);
        graph.addLayer(name + "_bn", new BatchNormalization.Builder().build(), name + "_conv");
        return name + "_bn";
    }

    /** A bias-free convolution (batch norm follows it) with "same" padding. */
    private static ConvolutionLayer conv(int kernel, int stride, int filters) {
        return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).nOut(filters)
                .activation(Activation.IDENTITY).hasBias(false).build();
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(new ReluActivation()).build();
    }
}
