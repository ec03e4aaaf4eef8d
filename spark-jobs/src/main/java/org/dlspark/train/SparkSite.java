package org.dlspark.train;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dlspark.run.PeakMemory;
import org.dlspark.spark.BarrierTimer;
import org.dlspark.spark.ExecutorModuleCheck;
import org.dlspark.spark.ExecutorPeaks;
import org.dlspark.spark.SparkContexts;
import org.dlspark.spark.SparkDataParallel;
import org.dlspark.spark.StandaloneCapacity;
import org.dlspark.spark.TaskSlots;
import org.dlspark.zoo.DataParallel;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Training on the executors of a Spark application started for the run, following their peak memory. The workers
 * run as one barrier stage, all at once: more workers than a local master's task slots, or than a standalone
 * cluster can host (its workers' free cores and memory against what the executors ask), are refused at once,
 * where Spark would wait minutes or for ever; so is dynamic allocation, with which Spark refuses barrier stages.
 */
public final class SparkSite implements TrainingSite {

    private final JavaSparkContext spark;
    private final boolean owned;
    private final int workers;
    private final ExecutorPeaks executors;
    private RunBatches placedFrom;
    private ExecutorBatches placed;

    /**
     * Starts the application, which {@link #close} ends.
     *
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers the data-parallel workers, or null for Spark's default parallelism
     */
    public SparkSite(String application, String master, Integer workers) {
        requireFixedExecutors();
        if (workers != null) {
            requireSlots(workers, SparkContexts.master(master));
        }
        this.spark = SparkContexts.start(application, master);
        this.owned = true;
        this.workers = workers != null ? workers : spark.defaultParallelism();
        try {
            if (workers == null) {
                requireSlots(this.workers, spark.master());
            }
            StandaloneCapacity.of(spark).ifPresent(capacity -> requireSlots(this.workers, capacity));
        } catch (InvalidSettingException e) {
            spark.close();
            throw e;
        }
        this.executors = ExecutorPeaks.follow(spark);
    }

    private SparkSite(JavaSparkContext spark, int workers) {
        this.spark = spark;
        this.owned = false;
        this.workers = workers;
        this.executors = ExecutorPeaks.follow(spark);
    }

    /**
     * A site on the running application of {@code spark}, which {@link #close} leaves running: that of a Spark job
     * that calls DLSpark as a library.
     *
     * @param workers the data-parallel workers, or null for Spark's default parallelism
     * @throws InvalidSettingException if the application cannot run that many tasks at once
     */
    public static SparkSite attach(JavaSparkContext spark, Integer workers) {
        requireFixedExecutors();
        int count = workers != null ? workers : spark.defaultParallelism();
        requireSlots(count, spark.master());
        StandaloneCapacity.of(spark).ifPresent(capacity -> requireSlots(count, capacity));
        ExecutorModuleCheck.require(spark, count);
        if (spark.master().startsWith("local")) {
            BarrierTimer.daemonize();
        }
        return new SparkSite(spark, count);
    }

    /** Refuses more workers than a standalone cluster can run at once, naming what it lacks. */
    private static void requireSlots(int workers, StandaloneCapacity capacity) {
        TaskSlots.shortfall(workers, capacity).ifPresent(lacking -> {
            throw new InvalidSettingException("--workers", lacking);
        });
    }

    /** Refuses more workers than a local master has task slots: the barrier stage would wait for them. */
    private static void requireSlots(int workers, String master) {
        TaskSlots.shortfall(workers, master).ifPresent(lacking -> {
            throw new InvalidSettingException("--workers", lacking);
        });
    }

    /** Refuses dynamic allocation, with which Spark refuses barrier stages, before any work is submitted. */
    private static void requireFixedExecutors() {
        if (new SparkConf().getBoolean("spark.dynamicAllocation.enabled", false)) {
            throw new InvalidSettingException("--spark-conf spark.dynamicAllocation.enabled", "the workers train "
                    + "in one Spark barrier stage, which Spark runs only on a fixed set of executors: give "
                    + "--spark-conf spark.dynamicAllocation.enabled=false");
        }
    }

    @Override
    public String master() {
        return spark.master();
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public JavaSparkContext spark() {
        return spark;
    }

    @Override
    public SparkSession sql() {
        return SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    @Override
    public DataParallel dataParallel(RunBatches batches) {
        return new SparkDataParallel(onExecutors(batches).train().map(DataSet::getFeatures));
    }

    @Override
    public ExecutorBatches onExecutors(RunBatches batches) {
        if (placed == null || placedFrom != batches) {
            placed = batches.onExecutors(spark, workers);
            placedFrom = batches;
        }
        return placed;
    }

    @Override
    public PeakMemory memory() {
        return PeakMemory.ofThisJvm().withExecutors(executors.residentBytes(), executors.heapBytes());
    }

    @Override
    public void close() {
        if (owned) {
            spark.close();
        }
    }
}
