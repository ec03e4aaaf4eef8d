package org.dlspark.quality;

import java.io.Serializable;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.sharing.NetworkState;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Both networks of a GAN under training, as workers exchange them: the combined graph (generator and a frozen
 * copy of the discriminator) and the discriminator, each with its updater state.
 */
record GanState(NetworkState gan, NetworkState discriminator) implements Serializable {

    /** The current state of {@code gan} and {@code discriminator}. */
    static GanState of(ComputationGraph gan, ComputationGraph discriminator) {
        return new GanState(NetworkState.of(gan), NetworkState.of(discriminator));
    }

    /** The weighted average of {@code states}' parameters and updater states, {@code weights} summing to 1. */
    static GanState average(List<GanState> states, double[] weights) {
        return new GanState(averageOf(states.stream().map(GanState::gan).toList(), weights),
                averageOf(states.stream().map(GanState::discriminator).toList(), weights));
    }

    private static NetworkState averageOf(List<NetworkState> states, double[] weights) {
        NetworkState first = states.get(0);
        INDArray parameters = first.parameters().mul(weights[0]);
        INDArray updater = first.updaterState() == null ? null : first.updaterState().mul(weights[0]);
        for (int i = 1; i < states.size(); i++) {
            parameters.addi(states.get(i).parameters().mul(weights[i]));
            if (updater != null) {
                updater.addi(states.get(i).updaterState().mul(weights[i]));
            }
        }
        return new NetworkState(first.configuration(), parameters, updater, first.iteration(), first.epoch());
    }
}
