package org.dlspark.train;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dlspark.run.PeakMemory;
import org.dlspark.spark.SparkContexts;
import org.dlspark.zoo.DataParallel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Training in this JVM, without Spark: one worker. A local Spark application starts only if MLlib work asks. */
public final class ThisJvmSite implements TrainingSite {

    /** What {@code metrics.json} records as the master of a run in one JVM. */
    public static final String MASTER = "single JVM";

    private JavaSparkContext local;
    private RunBatches placedFrom;
    private ExecutorBatches placed;

    @Override
    public String master() {
        return MASTER;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public JavaSparkContext spark() {
        return null;
    }

    @Override
    public SparkSession sql() {
        return SparkSession.builder().sparkContext(local().sc()).getOrCreate();
    }

    private JavaSparkContext local() {
        if (local == null) {
            local = SparkContexts.start("dlspark baseline", SparkContexts.DEFAULT_MASTER);
        }
        return local;
    }

    @Override
    public DataParallel dataParallel(RunBatches batches) {
        List<INDArray> features = batches.inThisJvm().train().stream().map(DataSet::getFeatures).toList();
        return DataParallel.inThisJvm(features::iterator);
    }

    @Override
    public ExecutorBatches onExecutors(RunBatches batches) {
        if (placed == null || placedFrom != batches) {
            placed = batches.inThisJvm().onExecutors(local(), local().defaultParallelism());
            placedFrom = batches;
        }
        return placed;
    }

    @Override
    public PeakMemory memory() {
        return PeakMemory.ofThisJvm();
    }

    @Override
    public void close() {
        if (local != null) {
            local.close();
        }
    }
}
