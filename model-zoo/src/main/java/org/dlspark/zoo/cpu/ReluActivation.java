package org.dlspark.zoo.cpu;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ReLU, {@code max(0, x)}, as DL4J's {@link ActivationReLU} computes it, with a faster backward pass: the gradient
 * {@code x > 0 ? epsilon : 0} as two vectorised passes (a step, then a product) in place of libnd4j's
 * {@code relu_bp}, which calls a {@code std::function} for every element and took 7% of a CNN worker's time.
 */
public final class ReluActivation extends ActivationReLU {

    /** Writes the gradient into {@code in}, as DL4J's own activations do. */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Nd4j.getExecutioner().exec(new Step(in, in, 0.0));
        return new Pair<>(in.muli(epsilon), null);
    }

    @Override
    public String toString() {
        return "relu";
    }
}
