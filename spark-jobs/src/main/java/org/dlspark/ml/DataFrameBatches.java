package org.dlspark.ml;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.dlspark.train.Batches;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.ExecutorBatches;
import org.dlspark.train.ListBatches;
import org.dlspark.train.RunBatches;
import org.dlspark.train.WorkerBatches;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A DataFrame's rows as a run's minibatches: the rows stay where Spark keeps them, one partition per worker,
 * persisted as Spark rows, and each task turns its partition into minibatches where it runs. Nothing passes
 * through the driver unless a trainer in this JVM asks for it ({@link #inThisJvm}).
 */
final class DataFrameBatches implements RunBatches, ExecutorBatches {

    private final JavaRDD<Row> train;
    private final JavaRDD<Row> validation;
    private final RowEncoder encoder;
    private final int batchSize;
    private final long trainExamples;
    private final long validationExamples;

    /**
     * Persists {@code train} and {@code validation} (rows of features and a class index) in {@code workers}
     * partitions each; {@code encoder} turns them into minibatches.
     */
    DataFrameBatches(JavaRDD<Row> train, JavaRDD<Row> validation, int workers, RowEncoder encoder, int batchSize) {
        boolean oneJvm = train.context().master().startsWith("local");
        StorageLevel level = oneJvm ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.MEMORY_AND_DISK_SER();
        this.train = train.repartition(workers).persist(level);
        this.validation = validation.repartition(workers).persist(level);
        this.encoder = encoder;
        this.batchSize = batchSize;
        this.trainExamples = this.train.count();
        this.validationExamples = this.validation.count();
    }

    @Override
    public long trainExamples() {
        return trainExamples;
    }

    @Override
    public long validationExamples() {
        return validationExamples;
    }

    @Override
    public Batches inThisJvm() {
        List<DataSet> test = collect(evaluationRows());
        return new Batches(collect(train), collect(validation), test);
    }

    @Override
    public ExecutorBatches onExecutors(JavaSparkContext spark, int workers) {
        return this;
    }

    @Override
    public JavaRDD<WorkerBatches> workers(int epoch) {
        RowEncoder rows = encoder;
        int size = batchSize;
        return train.mapPartitions(partition -> List.<WorkerBatches>of(new ListBatches(rows.minibatches(partition,
                size))).iterator());
    }

    /**
     * The minibatches of an evaluation set. The held-out rows serve both: without them, each epoch is evaluated on
     * the training rows.
     */
    @Override
    public JavaRDD<DataSet> of(EpochTrainer.EvaluationSet set) {
        return minibatches(evaluationRows());
    }

    @Override
    public JavaRDD<DataSet> train() {
        return minibatches(train);
    }

    /** Releases the persisted rows. */
    void release() {
        train.unpersist(false);
        validation.unpersist(false);
    }

    private JavaRDD<Row> evaluationRows() {
        return validationExamples > 0 ? validation : train;
    }

    private JavaRDD<DataSet> minibatches(JavaRDD<Row> rows) {
        RowEncoder encoding = encoder;
        int size = batchSize;
        return rows.mapPartitions(partition -> encoding.minibatches(partition, size).iterator());
    }

    private List<DataSet> collect(JavaRDD<Row> rows) {
        return encoder.minibatches(rows.collect().iterator(), batchSize);
    }
}
