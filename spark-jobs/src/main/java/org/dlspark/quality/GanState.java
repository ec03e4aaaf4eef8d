package org.dlspark.quality;

import java.io.Serializable;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.sharing.NetworkState;

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
        return new GanState(NetworkState.average(states.stream().map(GanState::gan).toList(), weights),
                NetworkState.average(states.stream().map(GanState::discriminator).toList(), weights));
    }
}
