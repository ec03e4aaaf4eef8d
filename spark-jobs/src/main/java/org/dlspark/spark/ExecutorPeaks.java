package org.dlspark.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageExecutorMetrics;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.JavaConverters;

/**
 * Follows the peak memory of a Spark application's executors (the driver excluded) from the executor metrics they
 * report with their heartbeats and at task ends: JVM heap in use and the resident size of the executor's process
 * ({@code spark.executor.processTreeMetrics.enabled}, which {@link SparkContexts} turns on).
 */
public final class ExecutorPeaks extends SparkListener {

    private static final String DRIVER = "driver";
    private static final String HEAP = "JVMHeapMemory";
    private static final String RESIDENT = "ProcessTreeJVMRSSMemory";

    private final AtomicLong heapBytes = new AtomicLong();
    private final AtomicLong residentBytes = new AtomicLong();

    /** Starts following the executors of {@code spark}. */
    public static ExecutorPeaks follow(JavaSparkContext spark) {
        ExecutorPeaks peaks = new ExecutorPeaks();
        spark.sc().addSparkListener(peaks);
        return peaks;
    }

    /** The largest heap in use any executor reported, or null when none reported one. */
    public Long heapBytes() {
        return heapBytes.get() > 0 ? heapBytes.get() : null;
    }

    /** The largest resident size any executor's process reported, or null when none reported one. */
    public Long residentBytes() {
        return residentBytes.get() > 0 ? residentBytes.get() : null;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        if (!DRIVER.equals(update.execId())) {
            JavaConverters.mapAsJavaMap(update.executorUpdates()).values().forEach(this::record);
        }
    }

    @Override
    public void onStageExecutorMetrics(SparkListenerStageExecutorMetrics metrics) {
        if (!DRIVER.equals(metrics.execId())) {
            record(metrics.executorMetrics());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() != null && !DRIVER.equals(taskEnd.taskInfo().executorId())
                && taskEnd.taskExecutorMetrics() != null) {
            record(taskEnd.taskExecutorMetrics());
        }
    }

    private void record(ExecutorMetrics metrics) {
        heapBytes.accumulateAndGet(metrics.getMetricValue(HEAP), Math::max);
        residentBytes.accumulateAndGet(metrics.getMetricValue(RESIDENT), Math::max);
    }
}
