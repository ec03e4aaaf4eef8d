package org.dlspark.train.sharing;

import java.util.Arrays;
import java.util.OptionalDouble;

/** The latest iteration times of a run's worker 0, for the median the stall watchdog scales its timeout by. */
final class IterationTimes {

    /** How many of the latest times the median is taken over. */
    private static final int KEPT = 4096;

    private final double[] seconds = new double[KEPT];
    private long added;

    /** Records one iteration that took {@code nanos}. */
    synchronized void add(long nanos) {
        seconds[(int) (added++ % KEPT)] = nanos / 1e9;
    }

    /** The median of the latest times, or empty before the first. */
    synchronized OptionalDouble medianSeconds() {
        int count = (int) Math.min(added, KEPT);
        if (count == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = Arrays.copyOf(seconds, count);
        Arrays.sort(sorted);
        return OptionalDouble.of(count % 2 == 1 ? sorted[count / 2]
                : (sorted[count / 2 - 1] + sorted[count / 2]) / 2);
    }
}
