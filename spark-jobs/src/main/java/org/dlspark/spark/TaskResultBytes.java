package org.dlspark.spark;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.JavaConverters;

/**
 * Counts the bytes of the results that the tasks of one Spark job group send back to the driver (Spark's
 * {@code resultSize} task metric): what the workers of parameter averaging return each round. Jobs join the group
 * while {@link #run} runs them.
 */
public final class TaskResultBytes extends SparkListener {

    private static final String GROUP_PROPERTY = "spark.jobGroup.id";

    private final JavaSparkContext spark;
    private final String group;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();

    private TaskResultBytes(JavaSparkContext spark, String group) {
        this.spark = spark;
        this.group = group;
    }

    /** Starts listening to the tasks of {@code spark}'s jobs in the job group {@code group}. */
    public static TaskResultBytes listen(JavaSparkContext spark, String group) {
        TaskResultBytes listener = new TaskResultBytes(spark, group);
        spark.sc().addSparkListener(listener);
        return listener;
    }

    /** Runs {@code jobs} with the Spark jobs they start in this listener's group. */
    public void run(Runnable jobs) {
        spark.setJobGroup(group, group, false);
        try {
            jobs.run();
        } finally {
            spark.clearJobGroup();
        }
    }

    /**
     * Bytes counted so far. Spark's listener bus delivers task ends asynchronously, so the results of the very last
     * tasks may be counted a moment after their job ended.
     */
    public long bytes() {
        return bytes.get();
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null && group.equals(jobStart.properties().getProperty(GROUP_PROPERTY))) {
            JavaConverters.seqAsJavaList(jobStart.stageIds()).forEach(id -> stages.add((Integer) id));
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (stages.contains(taskEnd.stageId()) && taskEnd.taskMetrics() != null
                && taskEnd.taskInfo().successful()) {
            bytes.addAndGet(taskEnd.taskMetrics().resultSize());
        }
    }
}
