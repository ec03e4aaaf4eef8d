package org.dlspark.zoo.gan;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Computes {@link MinibatchStddev}. With {@code x} of shape {@code [b, c, h, w]}, {@code s = sqrt(var_b(x) + eps)}
 * per feature and {@code m} the mean of {@code s} over the {@code N = c h w} features, the output is {@code x} with a
 * channel of {@code m} appended. Backward: {@code dL/dx = dL/dx_out + G (x - mean_b(x)) / (N b s)}, where {@code G}
 * sums the gradient over the appended channel (the batch mean's own term cancels, as the deviations sum to zero).
 */
final class MinibatchStddevLayer extends AbstractLayer<MinibatchStddev> {

    private static final long serialVersionUID = 1L;

    /** Keeps the square root differentiable when every example is the same. */
    static final double EPSILON = 1e-8;

    MinibatchStddevLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        INDArray x = input.castTo(dataType);
        long[] shape = x.shape();
        double mean = deviation(x).stddev().meanNumber().doubleValue();
        INDArray extra = Nd4j.valueArrayOf(new long[] {shape[0], 1, shape[2], shape[3]}, mean, dataType);
        return workspaces.leverageTo(ArrayType.ACTIVATIONS, Nd4j.concat(1, x, extra));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        INDArray x = input.castTo(dataType);
        long[] shape = x.shape();
        long channels = shape[1];
        double features = (double) channels * shape[2] * shape[3];
        Deviation deviation = deviation(x);
        double total = epsilon.get(NDArrayIndex.all(), NDArrayIndex.point(channels), NDArrayIndex.all(),
                NDArrayIndex.all()).sumNumber().doubleValue();
        INDArray inputGradient = deviation.centred().div(deviation.stddev().reshape(1, channels, shape[2],
                shape[3])).muli(total / (features * shape[0]));
        inputGradient.addi(epsilon.get(NDArrayIndex.all(), NDArrayIndex.interval(0, channels), NDArrayIndex.all(),
                NDArrayIndex.all()));
        return new Pair<>(new DefaultGradient(), workspaces.leverageTo(ArrayType.ACTIVATION_GRAD, inputGradient));
    }

    /** Each example's deviation from the batch mean, and each feature's standard deviation across the batch. */
    private record Deviation(INDArray centred, INDArray stddev) {
    }

    private static Deviation deviation(INDArray x) {
        INDArray centred = x.sub(x.mean(true, 0));
        INDArray variance = centred.mul(centred).mean(0);
        return new Deviation(centred, Transforms.sqrt(variance.addi(EPSILON), false));
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters, so no noise on them
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }
}
