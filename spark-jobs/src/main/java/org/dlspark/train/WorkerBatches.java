package org.dlspark.train;

import java.util.Iterator;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One worker's minibatches for an epoch, on the executor that trains them: held in memory ({@link ListBatches}) or
 * streamed from shard files ({@link StreamedBatches}).
 */
public interface WorkerBatches {

    /** How many minibatches the worker has this epoch. */
    int count();

    /**
     * The minibatches, in an order seeded by {@code orderSeed}. A minibatch may be freed once the next is asked for:
     * the worker trains on one at a time.
     */
    Iterator<DataSet> inOrder(long orderSeed);
}
