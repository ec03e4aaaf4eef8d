package org.dlspark.tune;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.data.ClassificationData;
import org.dlspark.train.Batches;
import org.dlspark.train.ClassificationObjective;
import org.dlspark.train.EarlyStopping;
import org.dlspark.train.EpochReport;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.IterationProgress;
import org.dlspark.train.Replica;
import org.dlspark.train.SingleJvmTrainer;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/**
 * Runs one trial where Spark schedules it: reads the data, trains the model in this JVM with early stopping on the
 * validation set, and reports the best validation accuracy and the matching test accuracy. A trial whose settings
 * fail (say, a value the model refuses) is reported with its error instead of failing the tuning run.
 *
 * @param model the zoo family
 * @param data the data folder
 * @param maxEpochs epochs per trial at most
 * @param patience early-stopping patience
 * @param trainLimit training examples per trial at most
 * @param testLimit test examples at most
 * @param seed seeds weights and data order, the same for every trial
 */
public record TrialRunner(String model, String data, int maxEpochs, int patience, int trainLimit, int testLimit,
        long seed) implements Serializable {

    /** Runs {@code trial}, printing its progress to {@code out}. */
    public TrialResult run(Trial trial, PrintStream out) {
        long start = System.nanoTime();
        try {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put("seed", seed);
            values.putAll(trial.hyperparameters());
            ZooModel zooModel = ModelZoo.create(model, values);
            ClassificationData classification = TrainingData.open(zooModel, data, seed);
            EarlyStopping stopping = new EarlyStopping(patience);
            Batches batches = Batches.of(classification, trial.batchSize(), trainLimit, testLimit, seed, stopping);
            ComputationGraph network = zooModel.build();
            EpochTrainer trainer = new SingleJvmTrainer(Replica.of(network), batches, new ClassificationObjective(), seed,
                    new IterationProgress(out, maxEpochs, batches.train().size(), IterationProgress.DEFAULT_INTERVAL));
            EpochTrainer.Result result = trainer.train(maxEpochs, batches.trainExamples(), classification.classNames(),
                    EpochTrainer.Resumption.NONE, stopping, (report, trained, best) -> out.printf(
                            java.util.Locale.ROOT, "trial %d epoch %d: validation accuracy %.4f%n", trial.number(),
                            report.epoch(), report.validationScore()));
            double bestValidation = result.history().stream().mapToDouble(EpochReport::validationScore).max()
                    .orElse(0);
            return new TrialResult(trial, bestValidation, result.classification(classification.classNames()).accuracy(), result.history().size(),
                    seconds(start), null);
        } catch (RuntimeException e) {
            return new TrialResult(trial, Double.NaN, Double.NaN, 0, seconds(start), e.getMessage());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
