package org.dlspark.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.dlspark.fetch.DataDirectory;
import org.dlspark.fetch.FashionMnistInstaller;
import org.dlspark.train.Strategy;
import org.dlspark.train.TrainJob;
import org.dlspark.train.TrainSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark train}: trains a zoo model on Spark and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Trains a model-zoo image classifier on Fashion-MNIST, data-parallel over Spark (parameter "
            + "averaging) or in this JVM, evaluates it on the test images and writes a run folder with model.zip, metrics.json and "
            + "metrics.jsonl.", "Runs in Spark local mode unless --master or spark-submit names a cluster."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "cnn", description = "Zoo model (see 'dlspark zoo').")
    private String model;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "parameter-averaging",
            description = "parameter-averaging (data-parallel on Spark) or single-jvm (this JVM, no Spark).")
    private String strategy;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder (local path or Hadoop URI) with the four Fashion-MNIST IDX files, gzipped or not. "
                    + "Default: the fetched copy, installed first if missing.")
    private String data;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "5", description = "Passes over the training set.")
    private int epochs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder to create (must not exist). Default: runs/MODEL-YYYYMMDD-HHMMSS.")
    private Path out;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Minibatch size per worker.")
    private int batchSize;

    @Option(names = "--workers", paramLabel = "W", defaultValue = "0",
            description = "Data-parallel workers; 0 means one per Spark task slot.")
    private int workers;

    @Option(names = "--averaging-frequency", paramLabel = "N", defaultValue = "5",
            description = "Minibatches each worker fits between parameter averagings.")
    private int averagingFrequency;

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

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077. Default: spark-submit's, else local[*].")
    private String master;

    @Override
    public Integer call() throws Exception {
        TrainSettings settings = new TrainSettings(model, Strategy.of(strategy), data != null ? data
                : defaultData(), out != null ? out : defaultRunFolder(), epochs, batchSize, workers, averagingFrequency, seed, trainLimit, testLimit);
        new TrainJob(settings, master, System.out).run();
        return 0;
    }

    private static String defaultData() {
        Path dataDir = DataDirectory.defaultPath();
        FashionMnistInstaller installer = new FashionMnistInstaller();
        if (installer.install(dataDir)) {
            System.out.println("installed Fashion-MNIST in " + dataDir.resolve(installer.name()));
        }
        return dataDir.resolve(installer.name()).toAbsolutePath().toString();
    }

    private Path defaultRunFolder() {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of(System.getProperty("dlspark.home", "."), "runs", model + "-" + stamp);
    }
}
