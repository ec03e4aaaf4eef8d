package org.dlspark.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.ClassificationData;
import org.dlspark.io.Json;
import org.dlspark.model.TrainedModel;
import org.dlspark.plot.ConfusionMatrixChart;
import org.dlspark.run.RunFolder;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The {@code evaluate} job: evaluates a trained classifier on a split of its data over Spark and writes
 * {@code evaluation.json} and {@code confusion-matrix.png}. By default it reads the data the model trained on, split
 * as training split it, so the test figures reproduce the run's {@code metrics.json}.
 */
public final class EvaluateJob {

    /** The file names of an evaluation folder. */
    public static final String RESULT_FILE = "evaluation.json";
    public static final String CONFUSION_FILE = "confusion-matrix.png";

    /**
     * What to evaluate.
     *
     * @param model the model folder or its model.zip (a Hadoop path)
     * @param data the data folder, or null for the one the model trained on
     * @param split test, validation or train
     * @param limit evaluate at most this many examples, or null for the run's own test limit
     * @param out the evaluation folder to create
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers Spark tasks to spread the evaluation over, or null for one per task slot
     */
    public record Settings(String model, String data, String split, Integer limit, Path out, String master,
            Integer workers) {

        /** Validates every value. */
        public Settings {
            InvalidSettingException.requireText("--model", model);
            if (!List.of("test", "validation", "train").contains(split)) {
                throw new InvalidSettingException("--split", "must be test, validation or train, got '" + split + "'");
            }
            if (limit != null) {
                InvalidSettingException.atLeast("--limit", limit, 1);
            }
            if (workers != null) {
                InvalidSettingException.atLeast("--workers", workers, 1);
            }
        }
    }

    private final Settings settings;
    private final PrintStream out;

    public EvaluateJob(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the job and returns what it measured. */
    public EvaluationResult run() throws IOException {
        long start = System.nanoTime();
        TrainedModel model = TrainedModel.load(settings.model());
        ZooModel zooModel = ModelZoo.create(model.info().model(), model.info().hyperparameters());
        String dataFolder = settings.data() != null ? settings.data() : model.info().data();
        ClassificationData data = TrainingData.open(zooModel, dataFolder, model.info().seed());
        if (!data.classNames().equals(model.classNames())) {
            throw new InvalidSettingException("--data", dataFolder + " has classes " + data.classNames()
                    + ", the model " + model.classNames());
        }
        List<DataSet> batches = batches(data, model.info().batchSize(),
                settings.limit() != null ? settings.limit() : model.info().testLimit(), model.info().seed());
        try (RunFolder folder = RunFolder.start(settings.out());
                JavaSparkContext spark = SparkContexts.start("dlspark evaluate", settings.master())) {
            int workers = settings.workers() != null ? settings.workers() : spark.defaultParallelism();
            out.printf(Locale.ROOT, "evaluating %s (%s) on the %s split of %s: %d %s, %d Spark tasks%n",
                    model.location(), model.info().model(), settings.split(), dataFolder,
                    batches.stream().mapToInt(DataSet::numExamples).sum(), data.examplesName(), workers);
            DistributedEvaluation.Merged merged = DistributedEvaluation.run(spark, model, batches, workers);
            ClassificationReport report = DistributedEvaluation.report(merged, model.classNames());
            Double auc = merged.roc() == null ? null : merged.roc().calculateAUC();
            EvaluationResult result = new EvaluationResult(model.info().model(), model.location(), dataFolder,
                    settings.split(), report, auc, (System.nanoTime() - start) / 1e9);
            Json.write(folder.resolve(RESULT_FILE), result);
            ConfusionMatrixChart.write(report.confusionMatrix(), model.classNames(), model.info().model() + " on the "
                    + settings.split() + " split: confusion matrix", folder.resolve(CONFUSION_FILE));
            Path written = folder.commit();
            print(result, written);
            return result;
        }
    }

    private List<DataSet> batches(ClassificationData data, int batchSize, int limit, long seed) {
        List<DataSet> batches = switch (settings.split()) {
            case "train" -> data.trainBatches(batchSize, limit, seed);
            case "validation" -> data.validationBatches(batchSize);
            default -> data.testBatches(batchSize, limit);
        };
        if (batches.isEmpty()) {
            throw new InvalidSettingException("--split", "the data has no " + settings.split() + " examples");
        }
        return batches;
    }

    private void print(EvaluationResult result, Path folder) {
        ClassificationReport report = result.report();
        out.printf(Locale.ROOT, "accuracy %.4f  macro precision %.4f  macro recall %.4f  macro F1 %.4f%s  (%d "
                + "examples)%n", report.accuracy(), report.macroPrecision(), report.macroRecall(), report.macroF1(),
                result.rocAuc() == null ? "" : String.format(Locale.ROOT, "  ROC AUC %.4f", result.rocAuc()),
                report.examples());
        for (ClassMetrics c : report.perClass()) {
            out.printf(Locale.ROOT, "  %-14s precision %.4f  recall %.4f  F1 %.4f  (%d)%n", c.name(), c.precision(),
                    c.recall(), c.f1(), c.support());
        }
        out.printf(Locale.ROOT, "evaluated in %s; written to %s%n", ProgressPrinter.format(result.seconds()), folder);
    }
}
