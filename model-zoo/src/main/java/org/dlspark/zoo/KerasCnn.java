package org.dlspark.zoo;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The seed's Keras CNN for 28x28x1 images and 10 classes: Conv2D(32,3x3,relu), MaxPool 2, Conv2D(64,3x3,relu),
 * MaxPool 2, Conv2D(64,3x3,relu), Flatten, Dense(64,relu), Dense(10,softmax); RMSProp, categorical cross-entropy.
 * Keras' defaults are kept: Glorot-uniform weights, "valid" convolutions, RMSProp rho 0.9 and epsilon 1e-7.
 */
public final class KerasCnn implements ZooModel {

    /** Input height and width in pixels. */
    public static final int IMAGE_SIZE = 28;
    /** Number of output classes. */
    public static final int CLASSES = 10;

    private final double learningRate;

    /** The seed's CNN with Keras' default RMSProp learning rate, 1e-3. */
    public KerasCnn() {
        this(1e-3);
    }

    /** The seed's CNN trained with the given RMSProp learning rate. */
    public KerasCnn(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("cnn: learningRate must be a positive number, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "the seed's Keras CNN: 3 conv (32-64-64), 2 max-pool, dense 64, softmax 10; RMSProp";
    }

    @Override
    public MultiLayerConfiguration configuration(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new RmsProp(learningRate, 0.9, 1e-7))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .list()
                .layer(conv(32))
                .layer(maxPool())
                .layer(conv(64))
                .layer(maxPool())
                .layer(conv(64))
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(IMAGE_SIZE, IMAGE_SIZE, 1))
                .build();
    }

    private static ConvolutionLayer conv(int filters) {
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).stride(1, 1).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
