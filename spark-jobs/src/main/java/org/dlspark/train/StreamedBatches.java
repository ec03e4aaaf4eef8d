package org.dlspark.train;

import java.util.Iterator;
import java.util.List;
import org.dlspark.shard.ShardCache;
import org.dlspark.shard.ShardPlan;
import org.dlspark.shard.ShardSlice;
import org.dlspark.shard.ShardStream;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A worker's minibatches read from its shard slices as it trains ({@link ShardStream}): the slices and the
 * minibatches of each shuffled, cut to the run's minibatch size.
 */
public final class StreamedBatches implements WorkerBatches {

    private final List<ShardSlice> slices;
    private final int batchSize;
    private final ShardCache cache;

    /**
     * @param slices the worker's slices this epoch
     * @param batchSize the run's minibatch size
     * @param cache what the worker keeps of its slices for later epochs
     */
    public StreamedBatches(List<ShardSlice> slices, int batchSize, ShardCache cache) {
        this.slices = List.copyOf(slices);
        this.batchSize = batchSize;
        this.cache = cache;
    }

    @Override
    public int count() {
        return Math.toIntExact((ShardPlan.examples(slices) + batchSize - 1) / batchSize);
    }

    @Override
    public Iterator<DataSet> inOrder(long orderSeed) {
        return new ShardStream(slices, orderSeed, batchSize, false, cache, true);
    }
}
