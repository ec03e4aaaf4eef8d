package org.dlspark.zoo.rbm;

import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The parameters of a restricted Boltzmann machine.
 *
 * @param weights {@code [visible, hidden]}
 * @param visibleBias {@code [1, visible]}
 * @param hiddenBias {@code [1, hidden]}
 */
public record RbmState(INDArray weights, INDArray visibleBias, INDArray hiddenBias) implements Serializable {

    /** The weighted average of {@code states}, {@code weights} summing to 1. */
    public static RbmState average(List<RbmState> states, double[] weights) {
        RbmState first = states.get(0);
        INDArray w = first.weights.mul(weights[0]);
        INDArray visible = first.visibleBias.mul(weights[0]);
        INDArray hidden = first.hiddenBias.mul(weights[0]);
        for (int i = 1; i < states.size(); i++) {
            w.addi(states.get(i).weights.mul(weights[i]));
            visible.addi(states.get(i).visibleBias.mul(weights[i]));
            hidden.addi(states.get(i).hiddenBias.mul(weights[i]));
        }
        return new RbmState(w, visible, hidden);
    }
}
