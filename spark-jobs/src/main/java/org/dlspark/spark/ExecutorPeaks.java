package org.dlspark.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The peak memory of a Spark application's executors (the driver excluded), as {@link ExecutorPeaksPlugin}
 * reports it after every task: each executor process's peak resident size ({@code VmHWM}) and peak heap.
 */
public final class ExecutorPeaks {

    /** By context: one JVM runs one at a time, tests several in turn. */
    private static final Map<SparkContext, ExecutorPeaks> BY_CONTEXT = new ConcurrentHashMap<>();

    private final AtomicLong heapBytes = new AtomicLong();
    private final AtomicLong residentBytes = new AtomicLong();

    private ExecutorPeaks() {
    }

    /** The peaks of the executors of {@code spark}, whose context {@link SparkContexts} started. */
    public static ExecutorPeaks follow(JavaSparkContext spark) {
        return of(spark.sc());
    }

    static ExecutorPeaks of(SparkContext spark) {
        return BY_CONTEXT.computeIfAbsent(spark, context -> new ExecutorPeaks());
    }

    static void forget(SparkContext spark) {
        BY_CONTEXT.remove(spark);
    }

    /** The largest heap in use any executor reported, or null when none reported one. */
    public Long heapBytes() {
        return heapBytes.get() > 0 ? heapBytes.get() : null;
    }

    /** The largest resident size any executor's process reported, or null when none reported one. */
    public Long residentBytes() {
        return residentBytes.get() > 0 ? residentBytes.get() : null;
    }

    void record(long resident, long heap) {
        residentBytes.accumulateAndGet(resident, Math::max);
        heapBytes.accumulateAndGet(heap, Math::max);
    }
}
