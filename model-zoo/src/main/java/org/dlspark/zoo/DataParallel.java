package org.dlspark.zoo;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a family's own training loop (the deep belief network's pretraining) finds its inputs: a map over the
 * partitions of the training inputs followed by an average. One partition in this JVM ({@link #inThisJvm}), or
 * one per Spark worker, so that the family writes its algorithm once and runs it anywhere.
 */
public interface DataParallel {

    /** A step that runs on one partition of the inputs, from a start state every partition shares. */
    @FunctionalInterface
    interface PartitionTask<S extends Serializable> extends Serializable {
        /**
         * @param start the state every partition starts from
         * @param inputs the partition's minibatches of inputs
         * @param partition the partition's index, for seeding
         */
        S run(S start, Iterator<INDArray> inputs, int partition);
    }

    /** Combines the states of the partitions, each weighted by its share of the minibatches. */
    @FunctionalInterface
    interface Average<S> extends Serializable {
        /** @param weights the partitions' shares, summing to 1 */
        S of(List<S> states, double[] weights);
    }

    /** Runs {@code task} on every partition from {@code start} and averages what they end with. */
    <S extends Serializable> S mapAndAverage(S start, PartitionTask<S> task, Average<S> average);

    /** The inputs as one partition in this JVM, each pass a new iterator from {@code inputs}. */
    static DataParallel inThisJvm(Supplier<Iterator<INDArray>> inputs) {
        return new DataParallel() {
            @Override
            public <S extends Serializable> S mapAndAverage(S start, PartitionTask<S> task, Average<S> average) {
                return task.run(start, inputs.get(), 0);
            }
        };
    }
}
