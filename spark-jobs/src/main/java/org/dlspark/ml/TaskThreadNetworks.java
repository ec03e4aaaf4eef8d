package org.dlspark.ml;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.model.TrainedModel;

/**
 * The network of a broadcast model on an executor, restored once per task thread (a network is not safe to share
 * between threads) instead of once per partition: a thread keeps the network of the last model it applied, and
 * restores again only for another model.
 */
final class TaskThreadNetworks {

    private static final ThreadLocal<Restored> LAST = new ThreadLocal<>();

    /** The network of the last model this thread applied, restored from {@code model}. */
    private record Restored(TrainedModel model, ComputationGraph network) {
    }

    private TaskThreadNetworks() {
    }

    /** The network of {@code model} (the broadcast's value on this executor) for this thread. */
    static ComputationGraph of(TrainedModel model) {
        Restored last = LAST.get();
        if (last == null || last.model() != model) {
            last = new Restored(model, model.network());
            LAST.set(last);
        }
        return last.network();
    }
}
