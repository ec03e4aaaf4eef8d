package org.dlspark.train;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dlspark.run.PeakMemory;
import org.dlspark.zoo.DataParallel;

/**
 * Where a run's epochs are trained, open for the length of the run: this JVM ({@link ThisJvmSite}) or a Spark
 * application whose executors run the workers ({@link SparkSite}). A {@link TrainingStrategy} opens the site it
 * needs.
 */
public interface TrainingSite extends AutoCloseable {

    /** The master the run trained on, as {@code metrics.json} records it. */
    String master();

    /** The data-parallel workers. */
    int workers();

    /** The Spark application, or null in this JVM. */
    JavaSparkContext spark();

    /** A Spark SQL session for MLlib work beside the training: the application's, or a local one in this JVM. */
    SparkSession sql();

    /** Runs the unsupervised pretraining of the families that have one over the features of {@code batches}, here. */
    DataParallel dataParallel(RunBatches batches);

    /**
     * {@code batches} where this site's Spark executors read them (a local Spark application's, started for it, in
     * this JVM); the same object for the same batches all run long, so that they are stored or planned once.
     */
    ExecutorBatches onExecutors(RunBatches batches);

    /** The peak memory of the run so far: the driver's, and the executors' where there are some. */
    PeakMemory memory();

    /** Ends the Spark application, if any. */
    @Override
    void close();
}
