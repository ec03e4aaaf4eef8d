package org.dlspark.train.sharing;

import java.io.Serializable;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a worker needs to rebuild the driver's network: its configuration, parameters, updater state and
 * iteration and epoch counters (which learning-rate schedules read).
 */
public record NetworkState(String configuration, INDArray parameters, INDArray updaterState, int iteration,
        int epoch) implements Serializable {

    /** A copy of {@code network}'s current state. */
    public static NetworkState of(ComputationGraph network) {
        INDArray updater = network.getUpdater().getStateViewArray();
        ComputationGraphConfiguration configuration = network.getConfiguration();
        return new NetworkState(configuration.toJson(), network.params().dup(),
                updater == null ? null : updater.dup(), configuration.getIterationCount(),
                configuration.getEpochCount());
    }

    /** A new network in this state. */
    public ComputationGraph restore() {
        ComputationGraphConfiguration configuration = ComputationGraphConfiguration.fromJson(this.configuration);
        configuration.setIterationCount(iteration);
        configuration.setEpochCount(epoch);
        ComputationGraph network = new ComputationGraph(configuration);
        network.init(parameters.dup(), false);
        if (updaterState != null) {
            network.getUpdater().setStateViewArray(updaterState.dup());
        }
        return network;
    }
}
