package org.dlspark.registry;

import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.ClassificationData;
import org.dlspark.eval.ClassOrder;
import org.dlspark.eval.DenoisingEvaluation;
import org.dlspark.eval.DistributedEvaluation;
import org.dlspark.model.TrainedModel;
import org.dlspark.spark.ExecutorData;
import org.dlspark.train.DenoisingObjective;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.Objective;
import org.dlspark.train.Score;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Decides whether a candidate version may take an alias: it evaluates the candidate and the alias's current version
 * on the same test set, over Spark, and lets the candidate through only when its score beats the current one's by
 * more than a minimum gain: a classifier's accuracy, the autoencoder's denoised PSNR (in dB; both models get the
 * same noise). With no current version the candidate goes through.
 */
public final class PromotionGate {

    /**
     * The gate's decision.
     *
     * @param promote whether the candidate takes the alias
     * @param candidateScore the candidate's test score (accuracy, or PSNR in dB)
     * @param currentScore the current version's, or null when the alias points nowhere yet
     * @param examples test examples both were evaluated on
     * @param reason the decision in words, with the margin
     */
    public record Verdict(boolean promote, double candidateScore, Double currentScore, long examples,
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
        Score score = Objective.of(model(candidate), null).score();
        if (!score.ranksModels()) {
            throw new InvalidSettingException("--version", "a " + candidate.info().model() + " is scored by the "
                    + score.label() + ", which does not rank models: the gate cannot judge it");
        }
        String folder = candidate.dataFolder(data, "--data");
        ClassificationData testData = TrainingData.open(model(candidate), folder, candidate.info().seed());
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
        Score score = Objective.of(model(candidate), null).score();
        long seed = candidate.info().seed();
        double candidateScore = score(candidate, stored, seed);
        if (current == null) {
            return new Verdict(true, candidateScore, null, examples, String.format(Locale.ROOT,
                    "no current version; candidate %s %s on %d test examples of %s", score.label(),
                    score.format(candidateScore), examples, folder));
        }
        if (!current.info().model().equals(candidate.info().model())) {
            throw new InvalidSettingException("--version", "the candidate is a " + candidate.info().model()
                    + ", the current version a " + current.info().model());
        }
        if (!current.classNames().equals(candidate.classNames())) {
            throw new InvalidSettingException("--version", "the candidate's classes " + candidate.classNames()
                    + " differ from the current version's " + current.classNames());
        }
        double currentScore = score(current, stored, seed);
        double margin = candidateScore - currentScore;
        boolean promote = margin > minGain;
        String reason = String.format(Locale.ROOT, "candidate %s %s vs current %s on the same %d test examples of "
                + "%s: margin %+.4f, %s the required gain above %.4f", score.label(), score.format(candidateScore),
                score.format(currentScore), examples, folder, margin, promote ? "beats" : "does not beat", minGain);
        return new Verdict(promote, candidateScore, currentScore, examples, reason);
    }

    /** The model's score on {@code stored}: accuracy, or the denoised PSNR with noise seeded by {@code seed}. */
    private double score(TrainedModel model, JavaRDD<DataSet> stored, long seed) {
        ZooModel zooModel = model(model);
        if (Objective.of(zooModel, null) instanceof DenoisingObjective denoising) {
            return DenoisingEvaluation.run(spark, stored, model.network(), denoising.noiseFactor(), seed)
                    .denoisedPsnr();
        }
        return DistributedEvaluation.report(DistributedEvaluation.run(spark, model, stored),
                model.classNames()).accuracy();
    }

    private static ZooModel model(TrainedModel model) {
        return ModelZoo.create(model.info().model(), model.info().hyperparameters());
    }
}
