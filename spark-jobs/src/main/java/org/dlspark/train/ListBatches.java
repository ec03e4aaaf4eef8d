package org.dlspark.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.DataSet;

/** A worker's minibatches held in memory, visited in a shuffled order. */
public final class ListBatches implements WorkerBatches {

    private final List<DataSet> batches;

    /** @param batches the worker's minibatches */
    public ListBatches(List<DataSet> batches) {
        this.batches = List.copyOf(batches);
    }

    @Override
    public int count() {
        return batches.size();
    }

    @Override
    public Iterator<DataSet> inOrder(long orderSeed) {
        List<DataSet> order = new ArrayList<>(batches);
        Collections.shuffle(order, new Random(orderSeed));
        return order.iterator();
    }
}
