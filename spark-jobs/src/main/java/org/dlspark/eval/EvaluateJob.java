package org.dlspark.eval;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.baseline.BaselineComparison;
import org.dlspark.data.ClassificationData;
import org.dlspark.io.Json;
import org.dlspark.model.TrainedModel;
import org.dlspark.plot.ConfusionMatrixChart;
import org.dlspark.run.RunFolder;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardCache;
import org.dlspark.shard.ShardPlan;
import org.dlspark.shard.ShardRdd;
import org.dlspark.shard.ShardedData;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.AdversarialObjective;
import org.dlspark.train.DenoisingObjective;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.gan.DcGan;
import org.dlspark.zoo.image.ConvAutoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The {@code evaluate} job, over Spark. A classifier: on a split of its data, {@code evaluation.json} (accuracy,
 * per-class figures, confusion matrix, ROC AUC for two classes) and {@code confusion-matrix.png}; by default on the
 * data the model trained on, split as training split it, so the test figures reproduce the run's
 * {@code metrics.json}. The autoencoder: MSE and PSNR of noisy, box-filtered and denoised test images and the gain,
 * with {@code denoising.png}. The GAN: how a trained classifier judges its samples, with {@code samples.png}.
 */
public final class EvaluateJob {

    /** The file names of an evaluation folder. */
    public static final String RESULT_FILE = "evaluation.json";
    public static final String CONFUSION_FILE = "confusion-matrix.png";
    public static final String DENOISING_FILE = DenoisingObjective.PICTURE;
    public static final String SAMPLES_FILE = AdversarialObjective.SAMPLES;
    /** A GAN's samples judged unless told otherwise. */
    public static final int DEFAULT_SAMPLES = AdversarialObjective.JUDGED;

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
     * @param classifier for a GAN: the classifier that judges its samples (a model folder), else null
     * @param samples for a GAN: how many samples are judged
     * @param baseline for a classifier: whether MLlib's logistic regression is reported beside it
     */
    public record Settings(String model, String data, String split, Integer limit, Path out, String master,
            Integer workers, String classifier, int samples, boolean baseline) {

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
            InvalidSettingException.atLeast("--samples", samples, 1);
        }
    }

    private final Settings settings;
    private final PrintStream out;

    public EvaluateJob(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** The content of {@code evaluation.json} for a model that does not classify. */
    public record Summary(String model, String location, String data, @JsonUnwrapped Object figures, double seconds) {
    }

    /** Runs the job and returns what it measured: an {@link EvaluationResult} or a {@link Summary}. */
    public Object run() throws IOException {
        TrainedModel model = TrainedModel.load(settings.model());
        ZooModel zooModel = ModelZoo.create(model.info().model(), model.info().hyperparameters());
        return switch (zooModel.task()) {
            case CLASSIFICATION -> classifier(model, zooModel);
            case RECONSTRUCTION -> autoencoder(model, zooModel);
            case GENERATION -> gan(model, zooModel);
        };
    }

    private EvaluationResult classifier(TrainedModel model, ZooModel zooModel) throws IOException {
        long start = System.nanoTime();
        String dataFolder = model.dataFolder(settings.data(), "--data");
        ClassificationData data = TrainingData.open(zooModel, dataFolder, model.info().seed());
        ClassOrder order = ClassOrder.of(data.classNames(), model.classNames(), "--data", dataFolder);
        int limit = settings.limit() != null ? settings.limit() : model.info().testLimit();
        ShardPlan shards = data instanceof ShardedData sharded ? plan(sharded, limit, model.info().seed()) : null;
        List<DataSet> batches = shards != null ? null : batches(data, model.info().batchSize(), limit,
                model.info().seed());
        try (RunFolder folder = RunFolder.start(settings.out());
                JavaSparkContext spark = SparkContexts.start("dlspark evaluate", settings.master())) {
            int workers = settings.workers() != null ? settings.workers() : spark.defaultParallelism();
            long examples = shards != null ? shards.examples()
                    : batches.stream().mapToInt(DataSet::numExamples).sum();
            out.printf(Locale.ROOT, "evaluating %s (%s) on the %s split of %s: %d %s, %s%n",
                    model.location(), model.info().model(), settings.split(), dataFolder, examples,
                    data.examplesName(), shards != null ? "read from its shards by the executors"
                    : workers + " Spark tasks");
            if (order.reorders()) {
                out.println("the model numbers the classes in another order than the data; labels matched by name");
            }
            JavaRDD<DataSet> evaluated = shards != null
                    ? ShardRdd.of(spark, shards, model.info().batchSize(), ShardCache.NONE)
                    : spark.parallelize(batches, Math.max(1, Math.min(workers, batches.size())));
            DistributedEvaluation.Merged merged = DistributedEvaluation.run(spark, model, order.relabel(evaluated));
            ClassificationReport report = DistributedEvaluation.report(merged, model.classNames());
            Double auc = merged.roc() == null ? null : merged.roc().calculateAUC();
            BaselineComparison baseline = settings.baseline() ? BaselineComparison.of(EvaluationBaseline.of(spark,
                    model, data, dataFolder, settings.split(), limit, evaluated, out), report.accuracy(),
                    report.macroF1()) : null;
            EvaluationResult result = new EvaluationResult(model.info().model(), model.location(), dataFolder,
                    settings.split(), report, auc, baseline, (System.nanoTime() - start) / 1e9);
            Json.write(folder.resolve(RESULT_FILE), result);
            ConfusionMatrixChart.write(report.confusionMatrix(), model.classNames(), model.info().model() + " on the "
                    + settings.split() + " split: confusion matrix", folder.resolve(CONFUSION_FILE));
            Path written = Path.of(folder.commit());
            print(result, written);
            return result;
        }
    }

    private Summary autoencoder(TrainedModel model, ZooModel zooModel) throws IOException {
        long start = System.nanoTime();
        double noiseFactor = ((ConvAutoencoder.Architecture) zooModel.architecture()).noiseFactor();
        String dataFolder = model.dataFolder(settings.data(), "--data");
        ClassificationData data = TrainingData.open(zooModel, dataFolder, model.info().seed());
        int limit = settings.limit() != null ? settings.limit() : Integer.MAX_VALUE;
        List<INDArray> clean = data.testBatches(model.info().batchSize(), limit).stream().map(DataSet::getFeatures)
                .toList();
        try (RunFolder folder = RunFolder.start(settings.out());
                JavaSparkContext spark = SparkContexts.start("dlspark evaluate", settings.master())) {
            int workers = settings.workers() != null ? settings.workers() : spark.defaultParallelism();
            out.printf(Locale.ROOT, "evaluating %s (autoencoder, noise factor %.2f) on the test images of %s, %d "
                    + "Spark tasks%n", model.location(), noiseFactor, dataFolder, workers);
            DenoisingEvaluation.Result figures = DenoisingEvaluation.run(spark, model, clean, noiseFactor,
                    model.info().seed(), workers);
            DenoisingEvaluation.picture(model.network(), clean.get(0), noiseFactor, model.info().seed(),
                    folder.resolve(DENOISING_FILE));
            Summary summary = new Summary(model.info().model(), model.location(), dataFolder, figures,
                    (System.nanoTime() - start) / 1e9);
            Json.write(folder.resolve(RESULT_FILE), summary);
            Path written = Path.of(folder.commit());
            out.printf(Locale.ROOT, "%d test images: MSE noisy %.5f, denoised %.5f; PSNR noisy %.2f dB, 3x3 box filter "
                    + "%.2f dB, denoised %.2f dB (gain %+.2f dB); written to %s (%s: noisy, denoised, clean rows)%n",
                    figures.images(), figures.noisyMse(), figures.denoisedMse(), figures.noisyPsnr(),
                    figures.boxFilterPsnr(), figures.denoisedPsnr(), figures.gain(), written, DENOISING_FILE);
            return summary;
        }
    }

    private Summary gan(TrainedModel model, ZooModel zooModel) throws IOException {
        long start = System.nanoTime();
        if (settings.classifier() == null) {
            throw new InvalidSettingException("--classifier", "a GAN is judged by a trained Fashion-MNIST "
                    + "classifier: give its run folder (from 'dlspark train')");
        }
        TrainedModel classifier = TrainedModel.load(settings.classifier());
        int latentSize = ((DcGan.Architecture) zooModel.architecture()).latentSize();
        try (RunFolder folder = RunFolder.start(settings.out());
                JavaSparkContext spark = SparkContexts.start("dlspark evaluate", settings.master())) {
            int workers = settings.workers() != null ? settings.workers() : spark.defaultParallelism();
            out.printf(Locale.ROOT, "evaluating %s (gan): %d samples judged by %s, %d Spark tasks%n",
                    model.location(), settings.samples(), classifier.location(), workers);
            GanEvaluation.Result figures = GanEvaluation.run(spark, model.modelBytes(), latentSize, classifier,
                    settings.samples(), model.info().seed(), workers);
            GanEvaluation.writeSamples(model.network(), latentSize, model.info().seed(),
                    folder.resolve(SAMPLES_FILE));
            Summary summary = new Summary(model.info().model(), model.location(), classifier.location(), figures,
                    (System.nanoTime() - start) / 1e9);
            Json.write(folder.resolve(RESULT_FILE), summary);
            Path written = Path.of(folder.commit());
            out.printf(Locale.ROOT, "%d samples: mean top-class probability %.4f, class entropy %.4f (ln 10 = %.4f), "
                    + "classes %s; written to %s (%s)%n", figures.samples(), figures.meanTopProbability(),
                    figures.classEntropy(), Math.log(10), figures.classHistogram(), written, SAMPLES_FILE);
            return summary;
        }
    }

    /**
     * The minibatches of the chosen split of a preprocessed data set, which the executors read: the first
     * {@code limit} examples (a seeded subset of the training split).
     */
    private ShardPlan plan(ShardedData data, int limit, long seed) {
        String split = settings.split();
        Manifest.Split described = data.manifest().splits().get(split);
        if (described == null || described.examples() == 0) {
            throw new InvalidSettingException("--split", "the data has no " + split + " examples");
        }
        return ShardPlan.of(data.folder(), data.manifest(), split, limit, split.equals("train") ? seed : null);
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
        if (result.baseline() != null) {
            out.println(result.baseline().describe());
        }
        out.printf(Locale.ROOT, "evaluated in %s; written to %s%n", ProgressPrinter.format(result.seconds()), folder);
    }
}
