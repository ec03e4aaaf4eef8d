package org.dlspark.zoo.image;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
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
 * {@code autoencoder}: the seed's convolutional denoising autoencoder for 28x28x1 images, trained with Adam on
 * MSE between its output and the clean image, its input being the image plus Gaussian noise ({@code noiseFactor}
 * times a standard normal), clamped to [0, 1].
 * <ul>
 * <li>encoder: Conv(1->16, k3, p1)-ReLU-MaxPool2-Conv(16->8, k3, p1)-ReLU-MaxPool2: 28x28 to 8 x 7x7;</li>
 * <li>decoder: ConvT(8->16, k3, s2)-ReLU-ConvT(16->8, k3, s2)-ReLU-ConvT(8->1, k3, p1)-Sigmoid.</li>
 * </ul>
 * <b>Padding fix.</b> As the seed writes it (no padding on the stride-2 transposed convolutions) the decoder maps
 * 7x7 to 15x15 to 31x31, so the output would not match the 28x28 target. Here the two stride-2 transposed
 * convolutions use "same" padding (in PyTorch terms {@code padding=1, output_padding=1}), which doubles the size
 * exactly: 7 to 14 to 28, and the last ConvT (stride 1, padding 1) keeps 28x28.
 */
public final class ConvAutoencoder implements ModelFamily<ConvAutoencoder.Architecture> {

    /**
     * @param filters1 filters of the first encoder convolution (16 in the seed)
     * @param filters2 filters of the second encoder convolution, the code's depth (8 in the seed)
     * @param noiseFactor standard deviation of the Gaussian noise added to training inputs
     */
    public record Architecture(int filters1, int filters2, double noiseFactor) {
        /** Validates every value. */
        public Architecture {
            HyperparameterException.atLeast("filters1", filters1, 1);
            HyperparameterException.atLeast("filters2", filters2, 1);
            HyperparameterException.nonNegative("noiseFactor", noiseFactor);
        }
    }

    private static final int SIDE = 28;

    @Override
    public String name() {
        return "autoencoder";
    }

    @Override
    public String description() {
        return "the seed's convolutional denoising autoencoder (decoder padding fixed: 28x28 in, 28x28 out); Adam, MSE";
    }

    @Override
    public Task task() {
        return Task.RECONSTRUCTION;
    }

    @Override
    public Class<Architecture> architectureType() {
        return Architecture.class;
    }

    @Override
    public Architecture defaultArchitecture() {
        return new Architecture(16, 8, 0.5);
    }

    @Override
    public Optimization defaultOptimization() {
        return new Optimization(Updater.ADAM, 1e-3, 0, 0, 42);
    }

    @Override
    public TrainingDefaults defaultTraining() {
        return new TrainingDefaults(3, 64);
    }

    @Override
    public InputSpec input(Architecture architecture) {
        return new InputSpec.Images(SIDE, SIDE, 1);
    }

    @Override
    public ComputationGraphConfiguration configure(Architecture a, Optimization optimization) {
        return SequentialGraph.start(optimization)
                .add("encode", conv(a.filters1()))
                .add("pool", maxPool())
                .add("encode", conv(a.filters2()))
                .add("pool", maxPool())
                .add("decode", upsample(a.filters1()))
                .add("decode", upsample(a.filters2()))
                .add("decode", new Deconvolution2D.Builder(3, 3).stride(1, 1).padding(1, 1).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .add("loss", new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE)
                        .activation(Activation.IDENTITY).build())
                .build(InputType.convolutional(SIDE, SIDE, 1));
    }

    private static ConvolutionLayer conv(int filters) {
        return new ConvolutionLayer.Builder(3, 3).stride(1, 1).padding(1, 1).nOut(filters)
                .activation(new ReluActivation()).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    /** A stride-2 transposed convolution with "same" padding and ReLU: doubles height and width. */
    private static Deconvolution2D upsample(int filters) {
        return new Deconvolution2D.Builder(3, 3).stride(2, 2).convolutionMode(ConvolutionMode.Same).nOut(filters)
                .activation(new ReluActivation()).build();
    }
}
