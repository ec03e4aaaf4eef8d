package org.dlspark.train.sharing;

import java.io.Serializable;
import java.util.List;
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

    /**
     * The weighted average of {@code states} (of one network): parameters and updater states averaged, the
     * configuration and counters of the first.
     *
     * @param weights one per state, summing to 1
     */
    public static NetworkState average(List<NetworkState> states, double[] weights) {
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

    /**
     * Puts this state into {@code network}, an existing network of the same configuration: parameters, updater state
     * and counters. The iteration count matters: Adam corrects its moment estimates by it, and a network left at
     * iteration 0 takes steps a fifteenth of their size.
     */
    public void assignTo(ComputationGraph network) {
        network.params().assign(parameters);
        if (updaterState != null) {
            network.getUpdater().getStateViewArray().assign(updaterState);
        }
        network.getConfiguration().setIterationCount(iteration);
        network.getConfiguration().setEpochCount(epoch);
    }
}
