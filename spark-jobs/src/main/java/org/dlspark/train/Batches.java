package org.dlspark.train;

import java.util.List;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The minibatches of one run.
 *
 * @param train what the network is fitted on
 * @param validation what early stopping watches; empty when it is off
 * @param test what every epoch is evaluated on
 */
public record Batches(List<DataSet> train, List<DataSet> validation, List<DataSet> test) {

    /** The batches of an evaluation set. */
    public List<DataSet> of(EpochTrainer.EvaluationSet set) {
        return set == EpochTrainer.EvaluationSet.TEST ? test : validation;
    }

    /** Examples in the training batches. */
    public long trainExamples() {
        return train.stream().mapToLong(DataSet::numExamples).sum();
    }
}
