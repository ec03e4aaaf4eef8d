package org.dlspark.spark;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.collection.JavaConverters;

/**
 * Sums what Spark measured of the jobs of one job group, from its task metrics: how long the jobs took, how long
 * their tasks ran, deserialised, serialised their results and collected garbage, and how many bytes of results
 * they sent back to the driver. Jobs join the group while {@link #run} runs them. Spark's listener bus delivers
 * events asynchronously, so the last job's figures may arrive a moment after it ended.
 */
public final class JobGroupMetrics extends SparkListener {

    private static final String GROUP_PROPERTY = "spark.jobGroup.id";

    private final JavaSparkContext spark;
    private final String group;
    private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> jobStarts = new ConcurrentHashMap<>();
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong jobMillis = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong runMillis = new AtomicLong();
    private final AtomicLong deserializeMillis = new AtomicLong();
    private final AtomicLong resultSerializeMillis = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private final AtomicLong resultBytes = new AtomicLong();

    /** The sums so far: jobs and their wall time, tasks and their times, result bytes. */
    public record Totals(long jobs, long jobMillis, long tasks, long runMillis, long deserializeMillis,
            long resultSerializeMillis, long gcMillis, long resultBytes) {
    }

    private JobGroupMetrics(JavaSparkContext spark, String group) {
        this.spark = spark;
        this.group = group;
    }

    /** Starts listening to {@code spark}'s jobs in the job group {@code group}. */
    public static JobGroupMetrics listen(JavaSparkContext spark, String group) {
        JobGroupMetrics listener = new JobGroupMetrics(spark, group);
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

    /** The sums so far. */
    public Totals totals() {
        return new Totals(jobs.get(), jobMillis.get(), tasks.get(), runMillis.get(), deserializeMillis.get(),
                resultSerializeMillis.get(), gcMillis.get(), resultBytes.get());
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        if (jobStart.properties() != null && group.equals(jobStart.properties().getProperty(GROUP_PROPERTY))) {
            JavaConverters.seqAsJavaList(jobStart.stageIds()).forEach(id -> stages.add((Integer) id));
            jobStarts.put(jobStart.jobId(), jobStart.time());
        }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        Long start = jobStarts.remove(jobEnd.jobId());
        if (start != null) {
            jobs.incrementAndGet();
            jobMillis.addAndGet(jobEnd.time() - start);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics metrics = taskEnd.taskMetrics();
        if (stages.contains(taskEnd.stageId()) && metrics != null && taskEnd.taskInfo().successful()) {
            tasks.incrementAndGet();
            runMillis.addAndGet(metrics.executorRunTime());
            deserializeMillis.addAndGet(metrics.executorDeserializeTime());
            resultSerializeMillis.addAndGet(metrics.resultSerializationTime());
            gcMillis.addAndGet(metrics.jvmGCTime());
            resultBytes.addAndGet(metrics.resultSize());
        }
    }
}
