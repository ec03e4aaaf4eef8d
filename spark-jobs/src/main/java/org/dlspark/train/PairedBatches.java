package org.dlspark.train;

import java.util.Iterator;
import java.util.function.BiFunction;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A worker's minibatches as its network fits them: each turned into the {@link Objective}'s pair as the worker
 * reaches it, the {@code i}-th seeded by {@code firstSeed + i}.
 */
public final class PairedBatches implements WorkerBatches {

    private final WorkerBatches batches;
    private final Objective objective;
    private final long firstSeed;

    /** The minibatches of {@code batches}, paired by {@code objective} with seeds from {@code firstSeed} on. */
    public PairedBatches(WorkerBatches batches, Objective objective, long firstSeed) {
        this.batches = batches;
        this.objective = objective;
        this.firstSeed = firstSeed;
    }

    @Override
    public int count() {
        return batches.count();
    }

    @Override
    public Iterator<DataSet> inOrder(long orderSeed) {
        return paired(batches.inOrder(orderSeed), objective, firstSeed);
    }

    /** The objective's pairs of {@code order}, made as they are asked for, the {@code i}-th seeded by {@code firstSeed + i}. */
    public static Iterator<DataSet> paired(Iterator<DataSet> order, Objective objective, long firstSeed) {
        return map(order, objective::pair, firstSeed);
    }

    /**
     * The objective's evaluation pairs of {@code order}, made as they are asked for, the {@code i}-th seeded by
     * {@code firstSeed + i}.
     */
    public static Iterator<DataSet> evaluated(Iterator<DataSet> order, Objective objective, long firstSeed) {
        return map(order, objective::evaluationPair, firstSeed);
    }

    private static Iterator<DataSet> map(Iterator<DataSet> order, BiFunction<DataSet, Long, DataSet> pairing,
            long firstSeed) {
        return new Iterator<>() {
            private long next = firstSeed;

            @Override
            public boolean hasNext() {
                return order.hasNext();
            }

            @Override
            public DataSet next() {
                return pairing.apply(order.next(), next++);
            }
        };
    }
}
