package org.dlspark.zoo.image;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.dlspark.zoo.HyperparameterException;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelFamily;
import org.dlspark.zoo.Optimization;
import org.dlspark.zoo.SequentialGraph;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.TrainingDefaults;
import org.dlspark.zoo.Updater;
import org.dlspark.zoo.cpu.ReluActivation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code cnn}: the seed's Keras CNN, for 28x28x1 images unless {@code height}, {@code width} and {@code channels} say
 * otherwise (at least 18x18, for its three "valid" convolutions and two poolings): Conv2D(32,3x3,relu), MaxPool 2, Conv2D(64,3x3,relu),
 * MaxPool 2, Conv2D(64,3x3,relu), Flatten, Dense(64,relu), Dense(10,softmax); RMSProp 1e-3, categorical
 * cross-entropy. Keras' defaults are kept: Glorot-uniform weights, "valid" convolutions, RMSProp rho 0.9 and
 * epsilon 1e-7. Dropout, when set, applies before the dense layers.
 */
public final class KerasCnn implements ModelFamily<KerasCnn.Architecture> {

    /**
     * @param filters1 filters of the first convolution
     * @param filters2 filters of the second convolution
     * @param filters3 filters of the third convolution
     * @param dense units of the hidden dense layer
     * @param classes output classes
     * @param height input image height
     * @param width input image width
     * @param channels input image channels (1 grey, 3 RGB)
     */
    public record Architecture(int filters1, int filters2, int filters3, int dense, int classes, int height,
            int width, int channels) {
        /** Validates every size. */
        public Architecture {
            HyperparameterException.atLeast("filters1", filters1, 1);
            HyperparameterException.atLeast("filters2", filters2, 1);
            HyperparameterException.atLeast("filters3", filters3, 1);
            HyperparameterException.atLeast("dense", dense, 1);
            HyperparameterException.atLeast("classes", classes, 2);
            HyperparameterException.atLeast("height", height, MIN_SIDE);
            HyperparameterException.atLeast("width", width, MIN_SIDE);
            HyperparameterException.atLeast("channels", channels, 1);
        }
    }

    /** The smallest side whose feature maps survive three 3x3 "valid" convolutions and two 2x2 poolings. */
    private static final int MIN_SIDE = 18;

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "the seed's Keras CNN: conv 32-64-64 (3x3), 2 max-pools, dense 64, softmax; RMSProp";
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
        return new Architecture(32, 64, 64, 64, 10, 28, 28, 1);
    }

    @Override
    public Optimization defaultOptimization() {
        return new Optimization(Updater.RMSPROP, 1e-3, 0, 0, 42);
    }

    @Override
    public TrainingDefaults defaultTraining() {
        return new TrainingDefaults(5, 64);
    }

    @Override
    public InputSpec input(Architecture architecture) {
        return new InputSpec.Images(architecture.height(), architecture.width(), architecture.channels());
    }

    @Override
    public ComputationGraphConfiguration configure(Architecture a, Optimization optimization) {
        return SequentialGraph.start(optimization)
                .add("conv", conv(a.filters1()))
                .add("pool", maxPool())
                .add("conv", conv(a.filters2()))
                .add("pool", maxPool())
                .add("conv", conv(a.filters3()))
                .add("dense", new DenseLayer.Builder().nOut(a.dense()).activation(new ReluActivation())
                        .dropOut(optimization.retainProbability()).build())
                .add("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(a.classes())
                        .activation(Activation.SOFTMAX).dropOut(optimization.retainProbability()).build())
                .build(InputType.convolutional(a.height(), a.width(), a.channels()));
    }

    private static ConvolutionLayer conv(int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).stride(1, 1).activation(new ReluActivation()).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
