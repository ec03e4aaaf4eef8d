package org.dlspark.train;

import java.util.Iterator;
import java.util.List;
import org.dlspark.shard.ShardPlan;
import org.dlspark.shard.ShardSlice;
import org.dlspark.shard.ShardStream;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A worker's minibatches read from its shard slices as it trains ({@link ShardStream}): the slices in the order
 * they were dealt, the minibatches of each shuffled, cut to the run's minibatch size.
 */
public final class StreamedBatches implements WorkerBatches {

    private final List<ShardSlice> slices;
    private final int batchSize;

    /**
     * @param slices the worker's slices this epoch
     * @param batchSize the run's minibatch size
     */
    public StreamedBatches(List<ShardSlice> slices, int batchSize) {
        this.slices = List.copyOf(slices);
        this.batchSize = batchSize;
    }

    @Override
    public int count() {
        return Math.toIntExact((ShardPlan.examples(slices) + batchSize - 1) / batchSize);
    }

    @Override
    public Iterator<DataSet> inOrder(long orderSeed) {
        return new ShardStream(slices, orderSeed, batchSize, false);
    }
}
