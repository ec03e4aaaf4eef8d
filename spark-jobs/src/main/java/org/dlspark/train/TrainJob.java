package org.dlspark.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.baseline.BaselineComparison;
import org.dlspark.baseline.BaselineResult;
import org.dlspark.baseline.LogisticRegressionBaseline;
import org.dlspark.data.ClassificationData;
import org.dlspark.eval.ClassificationReport;
import org.dlspark.data.DataChecksum;
import org.dlspark.fetch.Sha256;
import org.dlspark.io.Json;
import org.dlspark.plot.TrainingCurves;
import org.dlspark.run.CodeVersion;
import org.dlspark.run.DriverReads;
import org.dlspark.run.PeakMemory;
import org.dlspark.run.RunFolder;
import org.dlspark.run.RunInfo;
import org.dlspark.shard.ShardedData;
import org.dlspark.train.checkpoint.Checkpoint;
import org.dlspark.train.checkpoint.Checkpoints;
import org.dlspark.zoo.DataParallel;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/**
 * The {@code train} job: reads the model's data (a preprocessed data set, Fashion-MNIST's IDX files, or an email
 * corpus), trains a zoo model as its family's {@link Objective} says (a classifier, the denoising autoencoder or the
 * GAN)
 * with the chosen strategy, scores it on the test set after every epoch and writes the run folder
 * ({@code model.zip}, {@code run.json}, {@code metrics.json}, {@code metrics.jsonl}, the training curves and the
 * family's pictures). All input is read and checked before anything is written.
 */
public final class TrainJob {

    /** The file names inside a run folder. */
    public static final String MODEL_FILE = "model.zip";
    public static final String METRICS_FILE = "metrics.json";
    public static final String HISTORY_FILE = "metrics.jsonl";
    public static final String CURVES_FILE = "training-curves.png";


    private final TrainSettings given;
    private final String master;
    private final PrintStream out;
    /** The settings given, with the run's early stopping decided once its model is known ({@link #run}). */
    private TrainSettings settings;

    /**
     * @param settings the run's settings; without early stopping settings, a family whose score ranks models stops
     *     early by default when the data set has a validation split of its own ({@link EarlyStopping#byDefault})
     * @param master the Spark master, or null for spark-submit's or local mode
     */
    public TrainJob(TrainSettings settings, String master, PrintStream out) {
        this.given = settings;
        this.settings = settings;
        this.master = master;
        this.out = out;
    }

    /** Where and how widely a run trained, with what it achieved, sent and held in memory. */
    private record Training(ClassificationData data, EpochTrainer.Result result, TestFigures test, String master,
            int workers, long trainExamples, List<String> skippedFiles, Communication communication,
            IterationProfile profile, PeakMemory memory, BaselineComparison baseline) {
    }

    /** A finished run: its folder and what it measured. */
    public record Outcome(String folder, RunMetrics metrics) {
    }

    /** Runs the job. */
    public Outcome run() throws IOException {
        DataShape shape = DataShape.of(settings.data());
        Map<String, String> hyperparameters = shape.fit(settings.model(), settings.hyperparameters());
        ZooModel model = ModelZoo.create(settings.model(), withSeed(hyperparameters));
        shape.requireInputOf(model);
        Objective objective = Objective.of(model, settings.classifier());
        settings = given.withStopping(stopping(objective));
        String dataChecksum = DataChecksum.ofFolder(settings.data());
        Function<TrainingSite, ClassificationData> data = dataOpener(model, dataChecksum);
        try (RunFolder run = RunFolder.start(settings.out(), settings.resume())) {
            Checkpoints checkpoints = new Checkpoints(run.resolve(RunFolder.CHECKPOINTS), out);
            RunHistory history = new RunHistory(run.resolve(HISTORY_FILE));
            Start start = start(model, objective, run, checkpoints, history);

            ProgressPrinter progress = new ProgressPrinter(out, settings.epochs());
            EpochTrainer.EpochListener onEpoch = (report, replica, best) -> {
                progress.epochDone(report);
                history.append(report);
                saveCheckpoint(checkpoints, replica, report.epoch(), best);
                sync(run, report.epoch());
            };
            Training training = train(model, objective, start, data, onEpoch, run);

            EpochTrainer.Result result = training.result();
            ModelSerializer.writeModel(result.network(), run.resolve(MODEL_FILE).toFile(), true);
            RunMetrics metrics = new RunMetrics(model.name(), settings.strategy().option(), training.master(),
                    training.workers(), settings.epochs(), settings.workerBatch(training.workers()),
                    training.trainExamples(),
                    result.trainSeconds(), result.examplesSeen() / result.trainSeconds(), training.test(),
                    result.history(), training.communication(), training.profile(), training.memory(),
                    training.skippedFiles(), training.baseline(), DriverReads.bytesByScheme());
            Json.write(run.resolve(METRICS_FILE), metrics);
            writeRunInfo(run, training.data(), dataChecksum, hyperparameters);
            TrainingCurves.write(metrics.history(), model.name(), run.resolve(CURVES_FILE));
            String folder = run.commit();
            printSummary(metrics, folder);
            return new Outcome(folder, metrics);
        }
    }

    /**
     * The run's early stopping: as given, or by default; refused for a family whose score does not rank models (the
     * GAN's).
     */
    private EarlyStopping stopping(Objective objective) {
        if (!objective.score().ranksModels()) {
            if (given.stopping() != null && given.stopping().enabled()) {
                throw new InvalidSettingException("--patience", "'" + given.model() + "' is scored by the "
                        + objective.score().label() + ", which does not rank models; it trains its --epochs");
            }
            return EarlyStopping.OFF;
        }
        return given.stopping() != null ? given.stopping()
                : EarlyStopping.byDefault(TrainingData.hasValidationSplit(given.data()));
    }

    /**
     * How the run's data is opened once its site is: raw input larger than {@code --driver-read-limit} of a run on
     * Spark through shards the executors read ({@link RawInputShards}); anything else as {@link TrainingData} opens
     * it, here and now, so that bad input is refused before any Spark work.
     */
    private Function<TrainingSite, ClassificationData> dataOpener(ZooModel model, String dataChecksum) {
        boolean throughShards = settings.strategy().implementation().trainsOnSpark()
                && !ShardedData.isPreprocessed(settings.data())
                && RawInputShards.inputBytes(settings.data()) > settings.driverReadLimit();
        if (throughShards) {
            TrainingData.requireRawInputModel(model);
            return site -> RawInputShards.prepare(site.spark(), settings.data(), dataChecksum, model.input(),
                    settings, site.workers(), settings.out(), out);
        }
        ClassificationData opened = TrainingData.open(model, settings.data(), settings.seed(),
                settings.skipCorrupt());
        return site -> opened;
    }

    /** {@code hyperparameters}, with {@code --seed} as the weight seed unless they set one. */
    private Map<String, Object> withSeed(Map<String, String> hyperparameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("seed", settings.seed());
        values.putAll(hyperparameters);
        return values;
    }

    /**
     * Writes {@code run.json} (and a text model's vocabulary), which later jobs use the model by: its
     * hyperparameters are those given and those the data fixed; its data the data set the run read (the shards
     * written from raw input, when it read those), so that {@code evaluate} sees the same test examples.
     */
    private void writeRunInfo(RunFolder run, ClassificationData data, String dataChecksum,
            Map<String, String> hyperparameters) throws IOException {
        String read = data instanceof ShardedData shards && !ShardedData.isPreprocessed(settings.data())
                ? shards.folder() : settings.data();
        String checksum = read.equals(settings.data()) ? dataChecksum : DataChecksum.ofFolder(read);
        Json.write(run.resolve(RunInfo.FILE), new RunInfo(settings.model(), hyperparameters,
                data.classNames(), data.pixelScaling(), read, checksum, settings.strategy().option(),
                settings.epochs(), settings.batchSize(), settings.seed(), settings.testLimit(), CodeVersion.current(),
                Instant.now().toString(), Sha256.of(run.resolve(MODEL_FILE))));
        if (!data.vocabularyTokens().isEmpty()) {
            Files.write(run.resolve(RunInfo.VOCABULARY_FILE), data.vocabularyTokens(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The run's minibatches, with a validation set when early stopping is on: a preprocessed data set's shards,
     * which the executors read, when the run trains on Spark; otherwise read here.
     */
    private RunBatches batches(ClassificationData data, TrainingSite site) {
        RunBatches batches = site.spark() != null && data instanceof ShardedData sharded
                ? ShardedBatches.of(sharded, settings.workerBatch(site.workers()), settings.trainLimit(), settings.testLimit(),
                        settings.seed(), settings.stopping(), settings.skipCorrupt(), settings.cache(),
                        site.workers(), site.spark())
                : Batches.of(data, settings.workerBatch(site.workers()), settings.trainLimit(), settings.testLimit(),
                        settings.seed(), settings.stopping());
        List<String> skipped = skippedFiles(data, batches);
        if (!skipped.isEmpty()) {
            out.printf(Locale.ROOT, "skipping %d corrupt shards: %s%n", skipped.size(), String.join(", ", skipped));
        }
        if (settings.stopping().enabled()) {
            out.printf(Locale.ROOT, "early stopping with patience %d on the validation score: %d examples, %s%n",
                    settings.stopping().patience(), batches.validationExamples(), data.hasValidationSplit()
                    ? "the data set's validation split" : "held out from the training set");
        }
        return batches;
    }

    /** The corrupt shards left out, wherever they were found. */
    private static List<String> skippedFiles(ClassificationData data, RunBatches batches) {
        List<String> skipped = new ArrayList<>(data.skippedFiles());
        skipped.addAll(batches.skippedFiles());
        return skipped;
    }

    /** The networks to train and where they start: new networks, or the last checkpoint's. */
    private record Start(Replica replica, EpochTrainer.Resumption resumption) {
    }

    private Start start(ZooModel model, Objective objective, RunFolder run, Checkpoints checkpoints,
            RunHistory history) throws IOException {
        Optional<Checkpoints.Restored> restored = run.resumed() ? checkpoints.latest() : Optional.empty();
        if (restored.isEmpty()) {
            if (run.resumed()) {
                out.println("no intact checkpoint in " + run.resolve(RunFolder.CHECKPOINTS) + "; starting afresh");
            }
            history.clear();
            Replica replica = objective.newReplica(model, model.build());
            replica.networks().forEach(settings.schedule()::applyTo);
            return new Start(replica, EpochTrainer.Resumption.NONE);
        }
        Checkpoint checkpoint = restored.get().checkpoint();
        List<EpochReport> earlier = history.truncateTo(checkpoint.epoch());
        out.printf(Locale.ROOT, "resuming after epoch %d (iteration %d) from %s%n", checkpoint.epoch(),
                checkpoint.iteration(), run.resolve(RunFolder.CHECKPOINTS).resolve(checkpoint.modelFile()));
        return new Start(restored.get().replica(),
                new EpochTrainer.Resumption(earlier, checkpoints.bestParameters().orElse(null)));
    }

    private void saveCheckpoint(Checkpoints checkpoints, Replica replica, int epoch, boolean best) {
        try {
            checkpoints.save(replica, epoch, settings.seed(), best);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of epoch " + epoch, e);
        }
    }

    /** Copies the epoch's checkpoint and history to where the run folder will be (on HDFS, say). */
    private static void sync(RunFolder run, int epoch) {
        try {
            run.sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the checkpoint of epoch " + epoch + " to "
                    + run.location(), e);
        }
    }

    /**
     * Trains where and how the strategy says: it opens its site (this JVM, or a Spark application for the run),
     * pretrains the families that pretrain there, fits the epochs with its trainer, and takes the test figures
     * (and a classifier's baseline) there.
     */
    private Training train(ZooModel model, Objective objective, Start start,
            Function<TrainingSite, ClassificationData> opener, EpochTrainer.EpochListener onEpoch, RunFolder run)
            throws IOException {
        TrainingStrategy strategy = settings.strategy().implementation();
        try (TrainingSite site = strategy.open("dlspark train " + settings.model(), master, settings.workers())) {
            ClassificationData data = opener.apply(site);
            RunBatches batches = batches(data, site);
            out.printf(Locale.ROOT, "training %s on %d %s (%d test %s), %d epochs, %s%n", model.name(),
                    batches.trainExamples(), data.examplesName(), Math.min(data.testSize(), settings.testLimit()),
                    data.examplesName(), settings.epochs(), strategy.describe(site, settings));
            pretrain(model, start, site.dataParallel(batches));
            EpochTrainer trainer = strategy.trainer(site, start.replica(), batches, objective, settings,
                    run.resolve(RunFolder.STALLS), out);
            EpochTrainer.Result result = fit(trainer, batches, data.classNames(), start, onEpoch);
            trainer.report().forEach(out::println);
            TestFigures test = objective.figures(result, data.classNames(),
                    () -> site.onExecutors(batches).of(EpochTrainer.EvaluationSet.TEST), settings.seed(),
                    run.resolve(""));
            BaselineComparison baseline = settings.baseline() && test instanceof ClassificationReport report
                    ? BaselineComparison.of(baseline(site, batches), report.accuracy(), report.macroF1()) : null;
            return new Training(data, result, test, site.master(), site.workers(), batches.trainExamples(),
                    skippedFiles(data, batches), trainer.communication(), trainer.profile(), site.memory(), baseline);
        }
    }

    /** MLlib's logistic regression on the run's training and test minibatches, fitted where the run trained. */
    private BaselineResult baseline(TrainingSite site, RunBatches batches) {
        out.printf(Locale.ROOT, "baseline: fitting MLlib's logistic regression on the same %d training examples%n",
                batches.trainExamples());
        ExecutorBatches placed = site.onExecutors(batches);
        return LogisticRegressionBaseline.fit(site.sql(), placed.train(), placed.of(EpochTrainer.EvaluationSet.TEST));
    }

    private EpochTrainer.Result fit(EpochTrainer trainer, RunBatches batches, List<String> classNames, Start start,
            EpochTrainer.EpochListener onEpoch) {
        return trainer.train(settings.epochs(), batches.trainExamples(), classNames, start.resumption(),
                settings.stopping(), onEpoch);
    }

    /**
     * Unsupervised pretraining for the families that have one (the deep belief network), over {@code inputs}; a
     * resumed run was pretrained before.
     */
    private void pretrain(ZooModel model, Start start, DataParallel inputs) {
        if (!start.resumption().earlier().isEmpty()) {
            return;
        }
        long begin = System.nanoTime();
        model.pretrain(start.replica().model(), inputs);
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (seconds > 1) {
            out.printf(Locale.ROOT, "pretrained %s in %s%n", model.name(), ProgressPrinter.format(seconds));
        }
    }

    private void printSummary(RunMetrics metrics, String folder) {
        out.println(metrics.test().describe());
        if (metrics.baseline() != null) {
            out.println(metrics.baseline().describe());
        }
        out.printf(Locale.ROOT, "trained %d epochs in %s, %.0f examples/s; run folder: %s%n", metrics.epochs(),
                ProgressPrinter.format(metrics.trainSeconds()), metrics.examplesPerSecond(), folder);
    }
}
