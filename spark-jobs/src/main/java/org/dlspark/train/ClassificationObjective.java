package org.dlspark.train;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/** A classifier's objective: the labelled minibatches as they are, scored by test accuracy. */
public final class ClassificationObjective implements Objective {

    private static final long serialVersionUID = 1L;

    @Override
    public Score score() {
        return Score.ACCURACY;
    }

    @Override
    public boolean classifies() {
        return true;
    }

    @Override
    public DataSet pair(DataSet batch, long seed) {
        return batch;
    }

    @Override
    public IEvaluation<?> newEvaluation(List<String> classNames) {
        return new Evaluation(classNames);
    }

    @Override
    public TestFigures figures(EpochTrainer.Result result, List<String> classNames, Supplier<JavaRDD<DataSet>> test,
            long seed, Path folder) {
        return result.classification(classNames);
    }

    @Override
    public double score(IEvaluation<?> evaluation) {
        return ((Evaluation) evaluation).accuracy();
    }
}
