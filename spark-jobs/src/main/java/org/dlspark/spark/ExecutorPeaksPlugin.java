package org.dlspark.spark;

import java.io.Serializable;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.dlspark.run.ProcessMemory;

/**
 * A Spark plugin ({@code spark.plugins}) by which every executor reports its process's peak memory to the driver
 * after each task, for {@link ExecutorPeaks}. The executor reads its own {@code /proc/self/status}; Spark's
 * process-tree metrics would instead start a {@code pgrep} process on the executor's cores at every poll.
 */
public final class ExecutorPeaksPlugin implements SparkPlugin {

    /** What an executor reports. */
    record Report(long residentBytes, long heapBytes) implements Serializable {
    }

    @Override
    public DriverPlugin driverPlugin() {
        return new Driver();
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new Executor();
    }

    /** Keeps the largest figures reported for the application. */
    private static final class Driver implements DriverPlugin {

        private SparkContext spark;

        @Override
        public Map<String, String> init(SparkContext sparkContext, PluginContext context) {
            spark = sparkContext;
            ExecutorPeaks.of(spark);
            return Map.of();
        }

        @Override
        public Object receive(Object message) {
            Report report = (Report) message;
            ExecutorPeaks.of(spark).record(report.residentBytes(), report.heapBytes());
            return Boolean.TRUE;
        }

        @Override
        public void shutdown() {
            ExecutorPeaks.forget(spark);
        }
    }

    /**
     * Reports after every task, and waits for the driver's reply so that the report arrives before the task's end
     * does. In local mode the executor is the driver, which is not counted.
     */
    private static final class Executor implements ExecutorPlugin {

        private PluginContext context;

        @Override
        public void init(PluginContext pluginContext, Map<String, String> extraConf) {
            context = "driver".equals(pluginContext.executorID()) ? null : pluginContext;
        }

        @Override
        public void onTaskSucceeded() {
            if (context == null) {
                return;
            }
            Long resident = ProcessMemory.peakResidentBytes();
            try {
                context.ask(new Report(resident == null ? 0 : resident, ProcessMemory.peakHeapBytes()));
            } catch (Exception e) {
                // The figures are for reports only: a lost one must not fail the task that succeeded.
                System.err.println("dlspark: could not report executor " + context.executorID()
                        + "'s peak memory to the driver: " + e);
            }
        }
    }
}
