package org.dlspark.train;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A run's minibatches, wherever they are read: in the driver's memory ({@link Batches}) or by the executors from a
 * preprocessed data set's shards ({@link ShardedBatches}).
 */
public interface RunBatches {

    /** Examples in the training minibatches. */
    long trainExamples();

    /** Examples in the validation minibatches; 0 when early stopping is off. */
    long validationExamples();

    /** The minibatches in this JVM's memory, read here if they are not already. */
    Batches inThisJvm();

    /** The minibatches where the executors of {@code spark} read them, dealt to {@code workers} workers. */
    ExecutorBatches onExecutors(JavaSparkContext spark, int workers);

    /** The corrupt shards left out; empty when none were. */
    default List<String> skippedFiles() {
        return List.of();
    }
}
