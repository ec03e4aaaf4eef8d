package org.dlspark.train;

import org.apache.spark.api.java.JavaRDD;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A run's minibatches as the executors of a Spark application reach them: stored there once
 * ({@link DistributedBatches}) or read by them from shard files ({@link ShardedExecutorBatches}). RDDs built from it
 * carry references, never the training data, inside their tasks.
 */
public interface ExecutorBatches {

    /** Epoch {@code epoch}'s minibatches of each worker: one partition per worker, one element in each. */
    JavaRDD<WorkerBatches> workers(int epoch);

    /** The minibatches of an evaluation set. */
    JavaRDD<DataSet> of(EpochTrainer.EvaluationSet set);

    /** Every training minibatch, for work beside the epochs (a baseline, pretraining). */
    JavaRDD<DataSet> train();
}
