package org.dlspark.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.network.util.JavaUtils;
import org.dlspark.fetch.DefaultDataSet;
import org.dlspark.shard.ShardCache;
import org.dlspark.train.EarlyStopping;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.LearningRateSchedule;
import org.dlspark.train.StallTimeout;
import org.dlspark.train.Strategy;
import org.dlspark.train.TrainJob;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.sharing.MeshAveragingTrainer;
import org.dlspark.train.sharing.SharingSettings;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark train}: trains a zoo classifier on Spark or in this JVM and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Trains a model-zoo classifier, data-parallel over Spark (parameter averaging or gradient "
            + "sharing) or in this JVM: "
            + "image classifiers on Fashion-MNIST, text classifiers on the SpamAssassin emails (20%% of each class held "
            + "out). Evaluates on the test examples after every epoch, checkpoints, and writes a run folder with "
            + "model.zip, metrics.json, metrics.jsonl, training-curves.png and checkpoints/.",
            "Runs in Spark local mode unless --master or spark-submit names a cluster."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "cnn", description = "Zoo model (see 'dlspark zoo').")
    private String model;

    @Option(names = "--hp", paramLabel = "KEY=VALUE",
            description = "Overrides one of the model's hyperparameters (repeatable), e.g. --hp learningRate=0.0005 "
                    + "--hp dense=128; 'dlspark zoo NAME' lists the keys.")
    private Map<String, String> hyperparameters = new LinkedHashMap<>();

    @Option(names = "--conf", paramLabel = "FILE",
            description = "A properties file of train options: KEY=VALUE per line with the long option names "
                    + "(epochs=3, batch=128, strategy=gradient-sharing...), hp.NAME=VALUE for hyperparameters, as "
                    + "'dlspark tune' writes. Options on the command line win over the file.")
    private Path conf;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "parameter-averaging",
            description = "parameter-averaging or gradient-sharing (data-parallel on Spark), or single-jvm (this JVM, "
                    + "no Spark).")
    private String strategy;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder (local path or Hadoop URI): the four Fashion-MNIST IDX files (gzipped or not) for "
                    + "an image model, an email corpus in the SpamAssassin layout for a text model. Default: the "
                    + "fetched copy, installed first if missing.")
    private String data;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Passes over the training set. Default: the model's (see 'dlspark zoo NAME').")
    private Integer epochs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder to create (must not exist): a local path or a Hadoop URI (hdfs://...), where "
                    + "checkpoints are copied after every epoch. Default: runs/MODEL-YYYYMMDD-HHMMSS.")
    private String out;

    @Option(names = "--batch", paramLabel = "B",
            description = "Minibatch size per worker. Default: the model's (see 'dlspark zoo NAME').")
    private Integer batchSize;

    @Option(names = "--global-batch", paramLabel = "G",
            description = "Examples per step over all workers together, split evenly among them: as many steps "
                    + "per epoch on any number of workers. Default: --batch on every worker.")
    private Integer globalBatch;

    @Option(names = "--workers", paramLabel = "W",
            description = "Data-parallel workers (at least 1). Default: one per Spark task slot.")
    private Integer workers;

    @Option(names = "--averaging-frequency", paramLabel = "N",
            defaultValue = "" + MeshAveragingTrainer.DEFAULT_FREQUENCY,
            description = "Minibatches each worker fits between parameter averagings.")
    private int averagingFrequency;

    @Option(names = "--sharing-density", paramLabel = "F",
            description = "Gradient sharing: the fraction of the parameters whose update each worker sends per "
                    + "minibatch (the largest entries of its update plus what it has not sent before). Default: "
                    + "0.01, but at least 1,000 entries (a quarter of the autoencoder's).")
    private Double sharingDensity;

    @Option(names = "--sharing-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long a worker waits for a peer (gradient sharing, parameter averaging) before the "
                    + "epoch fails.")
    private long sharingTimeout;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS|auto", defaultValue = "auto",
            description = "How long the workers may all go without finishing an iteration before the driver takes "
                    + "their thread dumps into the run folder and runs the epoch again (once; a second stall ends "
                    + "the job). auto: 10 times the median iteration time so far, at least 2 minutes.")
    private String stallTimeout;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seeds weights and data order.")
    private long seed;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE,
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Train on the first N images (of the shuffled set) only. Default: all.")
    private int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE,
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Evaluate on the first N test images only. Default: all.")
    private int testLimit;

    @Option(names = "--patience", paramLabel = "P",
            description = "Early stopping: stop when the validation score (accuracy; the autoencoder's PSNR) has not "
                    + "improved for P epochs, and keep the best epoch's model. Validation set: the data set's own "
                    + "(preprocess --val-fraction), else 10%% of the training minibatches held out. 0 turns it off. "
                    + "Default: 3 when the data set has a validation split of its own, else 0.")
    private Integer patience;

    @Option(names = "--lr-schedule", paramLabel = "S", defaultValue = "constant",
            description = "Learning rate over the epochs: constant, step:FACTOR:EVERY (times FACTOR every EVERY "
                    + "epochs) or exponential:GAMMA (times GAMMA every epoch).")
    private String schedule;

    @Option(names = "--resume", description = "Continue the interrupted run of --out from its last checkpoint "
            + "(written after every epoch), with the same options; starts afresh when there is none.")
    private boolean resume;

    @Option(names = "--skip-corrupt", description = "Leave out shards of preprocessed data that are corrupt (their "
            + "SHA-256 differs from the manifest's, or they cannot be read), listing them in metrics.json "
            + "(skippedShards), instead of failing.")
    private boolean skipCorrupt;

    @Option(names = "--driver-read-limit", paramLabel = "SIZE", defaultValue = "16m",
            description = "Raw input (IDX files, emails) of at most SIZE (bytes, or 512k, 64m, 2g) is read on the "
                    + "driver; larger raw input of a run on Spark is first written as shards beside the run folder "
                    + "(shards/KEY, reused by later runs), which the executors read. Default: ${DEFAULT-VALUE}")
    private String driverReadLimit;

    @Option(names = "--cache", paramLabel = "WHAT", defaultValue = "auto",
            description = "What the executors keep of the shards they read, for later epochs: memory (the decoded "
                    + "minibatches), disk (a local copy of each shard, for shards far away), none, or auto: memory "
                    + "when a worker's share of the training data is at most 256 MiB, else none. Default: "
                    + "${DEFAULT-VALUE}")
    private String cache;

    @Option(names = "--baseline", paramLabel = "BOOL", arity = "1", defaultValue = "true",
            description = "Also fit Spark MLlib's logistic regression on the same training examples (pixels; TF-IDF "
                    + "of the tokens for texts), score it on the same test examples, and report the model's margin "
                    + "over it. Default: ${DEFAULT-VALUE}")
    private boolean baseline;

    @Option(names = "--classifier", paramLabel = "RUN",
            description = "For the gan: the run folder of a trained Fashion-MNIST classifier (e.g. of 'dlspark train "
                    + "--model cnn') that judges 1,000 samples after training: how confidently and how evenly over "
                    + "the classes it recognises them.")
    private String classifier;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077. Default: spark-submit's, else local[*].")
    private String master;

    @Override
    public Integer call() throws Exception {
        job(System.out).run();
        return 0;
    }

    /** The job these options describe, printing to {@code console}. */
    TrainJob job(PrintStream console) {
        if (resume && out == null) {
            throw new InvalidSettingException("--resume", "needs --out, the run folder to continue");
        }
        ZooModel zooModel = ModelZoo.create(model, hyperparameters);
        TrainSettings settings = new TrainSettings(model, hyperparameters, Strategy.of(strategy),
                data != null ? data : DefaultDataSet.forModel(zooModel, System.out),
                out != null ? out : Defaults.runFolder(model).toString(),
                epochs != null ? epochs : zooModel.defaultTraining().epochs(),
                batchSize != null ? batchSize : zooModel.defaultTraining().batchSize(), globalBatch, workers,
                averagingFrequency,
                new SharingSettings(sharingDensity, Duration.ofSeconds(sharingTimeout),
                        StallTimeout.parse(stallTimeout)), seed, trainLimit, testLimit,
                patience != null ? new EarlyStopping(patience) : null, LearningRateSchedule.parse(schedule), resume,
                skipCorrupt,
                bytes("--driver-read-limit", driverReadLimit), cache(cache), baseline, classifier);
        return new TrainJob(settings, master, console);
    }

    /** The cache named {@code option}, or null for auto. */
    private static ShardCache cache(String option) {
        if (option.equals("auto")) {
            return null;
        }
        ShardCache cache = ShardCache.of(option);
        if (cache == null) {
            throw new InvalidSettingException("--cache", "unknown value '" + option
                    + "'; known: auto, memory, disk, none");
        }
        return cache;
    }

    /** A size such as 512k, 64m or 2g in bytes, as Spark reads sizes. */
    private static long bytes(String option, String size) {
        try {
            return JavaUtils.byteStringAsBytes(size);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(option, "'" + size + "' is not a size (bytes, or 512k, 64m, 2g)");
        }
    }
}
