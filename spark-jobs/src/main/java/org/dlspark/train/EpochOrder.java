package org.dlspark.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which training in one JVM visits its minibatches in an epoch: shuffled by the run's seed and the
 * epoch alone, not by a stream of epochs, so that a resumed run visits them as the uninterrupted one did.
 */
public final class EpochOrder {

    private EpochOrder() {
    }

    /** A shuffled copy of {@code items} for epoch {@code epoch}. */
    public static <T> List<T> of(List<T> items, long seed, int epoch) {
        List<T> order = new ArrayList<>(items);
        Collections.shuffle(order, new Random(seed + epoch));
        return order;
    }
}
