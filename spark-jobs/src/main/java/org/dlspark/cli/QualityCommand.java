package org.dlspark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dlspark.fetch.DefaultDataSet;
import org.dlspark.quality.QualityJob;
import org.dlspark.quality.QualitySettings;
import org.dlspark.train.Strategy;
import org.dlspark.zoo.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark quality}: trains one family and measures it against the zoo's targets. */
@Command(name = "quality", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Trains one model-zoo family (through 'dlspark train') on its reference data "
            + "and prints its quality "
            + "figures against the zoo's targets: classifiers by test accuracy (Fashion-MNIST, or the held-out 20%% "
            + "of the SpamAssassin emails, with spam F1), the autoencoder by denoised test PSNR, the GAN by how a "
            + "trained classifier judges 1,000 samples. Writes a run folder with the model, metrics.json, "
            + "metrics.jsonl and pictures.", "Exit status: 0 when every figure reaches its target, 3 when one "
            + "does not, 1 on an error."})
final class QualityCommand implements Callable<Integer> {

    /** The exit status of a run that completed below target. */
    static final int BELOW_TARGET = 3;

    @Option(names = "--model", paramLabel = "NAME", required = true, description = "Zoo family (see 'dlspark zoo').")
    private String model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (Hadoop path). Default: the fetched Fashion-MNIST, or SpamAssassin emails "
                    + "for text families, installed first if missing.")
    private String data;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Passes over the training set. Default: the family's (see 'dlspark zoo NAME'), "
                    + "except cnn 8 and gan 1.")
    private Integer epochs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder to create (must not exist). Default: runs/quality-MODEL-YYYYMMDD-HHMMSS.")
    private Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seeds weights, data order, noise.")
    private long seed;

    @Option(names = "--classifier", paramLabel = "RUN",
            description = "For gan: a trained Fashion-MNIST classifier (its run folder or model.zip) that judges the "
                    + "samples.")
    private Path classifier;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "single-jvm",
            description = "single-jvm, or parameter-averaging / gradient-sharing on Spark (every family).")
    private String strategy;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for a distributed strategy. Default: spark-submit's, else local[*].")
    private String master;

    @Option(names = "--workers", paramLabel = "W",
            description = "Data-parallel workers for a distributed strategy. Default: one per Spark task slot.")
    private Integer workers;

    @Override
    public Integer call() throws Exception {
        QualitySettings settings = new QualitySettings(model,
                data != null ? data : DefaultDataSet.forModel(ModelZoo.create(model), System.out),
                out != null ? out : Defaults.runFolder("quality-" + model), epochs, seed, classifier,
                Strategy.of(strategy), master, workers);
        return new QualityJob(settings, System.out).run().passed() ? 0 : BELOW_TARGET;
    }
}
