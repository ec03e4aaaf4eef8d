package org.dlspark.train;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.run.PeakMemory;
import org.dlspark.spark.ExecutorPeaks;
import org.dlspark.spark.SparkContexts;
import org.dlspark.spark.SparkDataParallel;
import org.dlspark.zoo.DataParallel;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Training on the executors of a Spark application started for the run, following their peak memory. */
public final class SparkSite implements TrainingSite {

    private final JavaSparkContext spark;
    private final int workers;
    private final ExecutorPeaks executors;

    /**
     * Starts the application.
     *
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers the data-parallel workers, or null for Spark's default parallelism
     */
    public SparkSite(String application, String master, Integer workers) {
        this.spark = SparkContexts.start(application, master);
        this.workers = workers != null ? workers : spark.defaultParallelism();
        this.executors = ExecutorPeaks.follow(spark);
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
    public DataParallel dataParallel(List<INDArray> features) {
        return new SparkDataParallel(spark, features, workers);
    }

    @Override
    public PeakMemory memory() {
        return PeakMemory.ofThisJvm().withExecutors(executors.residentBytes(), executors.heapBytes());
    }

    @Override
    public void close() {
        spark.close();
    }
}
