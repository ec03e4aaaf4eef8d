package org.dlspark.registry;

import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.ClassificationData;
import org.dlspark.eval.ClassOrder;
import org.dlspark.eval.DistributedEvaluation;
import org.dlspark.model.TrainedModel;
import org.dlspark.spark.ExecutorData;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Decides whether a candidate version may take an alias: it evaluates the candidate and the alias's current version
 * on the same test set, over Spark, and lets the candidate through only when its accuracy beats the current one's by
 * more than a minimum gain. With no current version the candidate goes through.
 */
public final class PromotionGate {

    /**
     * The gate's decision.
     *
     * @param promote whether the candidate takes the alias
     * @param candidateAccuracy the candidate's test accuracy
     * @param currentAccuracy the current version's, or null when the alias points nowhere yet
     * @param examples test examples both were evaluated on
     * @param reason the decision in words, with the margin
     */
    public record Verdict(boolean promote, double candidateAccuracy, Double currentAccuracy, long examples,
            String reason) {
    }

    private final JavaSparkContext spark;
    private final int workers;

    public PromotionGate(JavaSparkContext spark, int workers) {
        this.spark = spark;
        this.workers = workers;
    }

    /**
     * Judges {@code candidate} against {@code current} (null when the alias points nowhere) on the test split of
     * {@code data} (null: the data the candidate trained on), at most {@code limit} examples, requiring a gain above
     * {@code minGain}.
     */
    public Verdict judge(TrainedModel candidate, TrainedModel current, String data, int limit, double minGain) {
        String folder = candidate.dataFolder(data, "--data");
        ClassificationData testData = TrainingData.open(ModelZoo.create(candidate.info().model(),
                candidate.info().hyperparameters()), folder, candidate.info().seed());
        List<DataSet> batches = ClassOrder.of(testData.classNames(), candidate.classNames(), "--data", folder)
                .relabel(testData.testBatches(candidate.info().batchSize(), limit));
        long examples = batches.stream().mapToLong(DataSet::numExamples).sum();
        JavaRDD<DataSet> stored = ExecutorData.distribute(spark, batches, Math.max(1, Math.min(workers,
                batches.size())));
        try {
            return judge(candidate, current, stored, examples, folder, minGain);
        } finally {
            stored.unpersist();
        }
    }

    /** The verdict on the test minibatches {@code stored} on the executors, shipped there once for both models. */
    private Verdict judge(TrainedModel candidate, TrainedModel current, JavaRDD<DataSet> stored, long examples,
            String folder, double minGain) {
        double candidateAccuracy = accuracy(candidate, stored);
        if (current == null) {
            return new Verdict(true, candidateAccuracy, null, examples, String.format(Locale.ROOT,
                    "no current version; candidate accuracy %.4f on %d test examples of %s", candidateAccuracy,
                    examples, folder));
        }
        if (!current.classNames().equals(candidate.classNames())) {
            throw new InvalidSettingException("--version", "the candidate's classes " + candidate.classNames()
                    + " differ from the current version's " + current.classNames());
        }
        double currentAccuracy = accuracy(current, stored);
        double margin = candidateAccuracy - currentAccuracy;
        boolean promote = margin > minGain;
        String reason = String.format(Locale.ROOT, "candidate accuracy %.4f vs current %.4f on the same %d test "
                + "examples of %s: margin %+.4f, %s the required gain above %.4f", candidateAccuracy,
                currentAccuracy, examples, folder, margin, promote ? "beats" : "does not beat", minGain);
        return new Verdict(promote, candidateAccuracy, currentAccuracy, examples, reason);
    }

    private double accuracy(TrainedModel model, JavaRDD<DataSet> stored) {
        return DistributedEvaluation.report(DistributedEvaluation.run(spark, model, stored),
                model.classNames()).accuracy();
    }
}
