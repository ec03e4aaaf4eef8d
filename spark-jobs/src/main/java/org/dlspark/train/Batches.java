package org.dlspark.train;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.ClassificationData;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The minibatches of one run.
 *
 * @param train what the network is fitted on
 * @param validation what early stopping watches; empty when it is off
 * @param test what every epoch is evaluated on
 */
public record Batches(List<DataSet> train, List<DataSet> validation, List<DataSet> test) implements RunBatches {

    /** The share of the training minibatches held out for early stopping when the data has no validation split. */
    private static final float HELD_OUT_FOR_VALIDATION = 0.1f;

    /**
     * The minibatches of a run on {@code data}. With early stopping, the validation set is the data set's own when it
     * has one, else the last tenth of the (shuffled) training minibatches, held out from training.
     *
     * @throws InvalidSettingException naming {@code --patience} when too few minibatches are left to hold some out
     */
    public static Batches of(ClassificationData data, int batchSize, int trainLimit, int testLimit, long seed,
            EarlyStopping stopping) {
        List<DataSet> train = data.trainBatches(batchSize, trainLimit, seed);
        List<DataSet> test = data.testBatches(batchSize, testLimit);
        if (!stopping.enabled()) {
            return new Batches(train, List.of(), test);
        }
        List<DataSet> validation = data.validationBatches(batchSize);
        if (validation.isEmpty()) {
            int held = Math.max(1, Math.round(train.size() * HELD_OUT_FOR_VALIDATION));
            if (held >= train.size()) {
                throw new InvalidSettingException("--patience", "early stopping needs a validation set, and "
                        + train.size() + " training minibatches are too few to hold one out");
            }
            validation = train.subList(train.size() - held, train.size());
            train = train.subList(0, train.size() - held);
        }
        return new Batches(train, validation, test);
    }

    /** The batches of an evaluation set. */
    public List<DataSet> of(EpochTrainer.EvaluationSet set) {
        return set == EpochTrainer.EvaluationSet.TEST ? test : validation;
    }

    @Override
    public long trainExamples() {
        return train.stream().mapToLong(DataSet::numExamples).sum();
    }

    @Override
    public long validationExamples() {
        return validation.stream().mapToLong(DataSet::numExamples).sum();
    }

    @Override
    public Batches inThisJvm() {
        return this;
    }

    @Override
    public ExecutorBatches onExecutors(JavaSparkContext spark, int workers) {
        return DistributedBatches.of(spark, this, workers);
    }
}
