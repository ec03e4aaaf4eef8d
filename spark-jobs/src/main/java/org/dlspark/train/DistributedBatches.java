package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.spark.ExecutorData;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A run's {@link Batches}, read on the driver, stored on the executors once ({@link ExecutorData}), one partition
 * per worker, for the trainers that run on Spark. Each worker keeps its partition's minibatches every epoch.
 *
 * @param train what the workers fit
 * @param validation what early stopping watches; empty when it is off
 * @param test what every epoch is evaluated on
 */
public record DistributedBatches(JavaRDD<DataSet> train, JavaRDD<DataSet> validation, JavaRDD<DataSet> test)
        implements ExecutorBatches {

    /** Stores {@code batches} on the executors; an empty validation set stores nothing. */
    public static DistributedBatches of(JavaSparkContext spark, Batches batches, int workers) {
        return new DistributedBatches(ExecutorData.distribute(spark, batches.train(), workers),
                batches.validation().isEmpty() ? spark.emptyRDD()
                        : ExecutorData.distribute(spark, batches.validation(), workers),
                ExecutorData.distribute(spark, batches.test(), workers));
    }

    @Override
    public JavaRDD<WorkerBatches> workers(int epoch) {
        return train.mapPartitions(partition -> {
            List<DataSet> batches = new ArrayList<>();
            partition.forEachRemaining(batches::add);
            return List.<WorkerBatches>of(new ListBatches(batches)).iterator();
        });
    }

    @Override
    public JavaRDD<DataSet> of(EpochTrainer.EvaluationSet set) {
        return set == EpochTrainer.EvaluationSet.TEST ? test : validation;
    }
}
