package org.dlspark.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The networks a run trains, of which every worker holds a copy kept in step with the others': the model's own
 * network first (the one evaluated, saved and served), then those that train beside it (the GAN's discriminator).
 *
 * @param networks the model's network, then its companions
 */
public record Replica(List<ComputationGraph> networks) {

    /** Requires the model's network. */
    public Replica {
        networks = List.copyOf(networks);
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("a replica holds at least the model's network");
        }
    }

    /** A replica of one network, the model's. */
    public static Replica of(ComputationGraph network) {
        return new Replica(List.of(network));
    }

    /** The model's network. */
    public ComputationGraph model() {
        return networks.get(0);
    }

    /** The networks that train beside the model's, in order; empty for most families. */
    public List<ComputationGraph> companions() {
        return networks.subList(1, networks.size());
    }

    /** Sets every network's epoch counter (learning-rate schedules read it). */
    public void setEpochCount(int epoch) {
        networks.forEach(network -> network.getConfiguration().setEpochCount(epoch));
    }
}
