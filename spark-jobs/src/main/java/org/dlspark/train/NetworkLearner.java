package org.dlspark.train;

import java.util.List;
import java.util.function.IntFunction;
import org.nd4j.linalg.dataset.DataSet;

/** The learner of a one-network replica: each step fits the network once, on the minibatch as it is. */
public record NetworkLearner(Replica replica) implements Learner {

    private static final List<Integer> ONE_FIT = List.of(0);

    @Override
    public List<Integer> fitNetworks() {
        return ONE_FIT;
    }

    @Override
    public IntFunction<DataSet> step(DataSet batch) {
        return position -> batch;
    }
}
