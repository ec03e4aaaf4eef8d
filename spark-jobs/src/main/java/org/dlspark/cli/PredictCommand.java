package org.dlspark.cli;

import java.util.concurrent.Callable;
import org.dlspark.predict.PredictJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dlspark predict}: scores new data in batch on Spark. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Scores new inputs with a trained classifier in batch on Spark: images in an IDX file or a "
            + "folder of PNG files, texts in a .csv file (columns text and optionally id) or a .jsonl file (objects "
            + "with text and optionally id). Writes predictions/ (one JSON line per input: id, label, className, "
            + "probabilities) and summary.json; the autoencoder writes denoised/NNNNNN.png, a gan given --generate N "
            + "generated/NNNNNN.png. The output appears only when complete.")
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "URI", required = true,
            description = "A run folder written by 'dlspark train', or a registry version folder (any Hadoop path).")
    private String model;

    @Option(names = "--input", paramLabel = "URI", description = "What to score (any Hadoop path).")
    private String input;

    @Option(names = "--generate", paramLabel = "N", description = "For a gan, instead of --input: generate N images.")
    private Integer generate;

    @Option(names = "--output", paramLabel = "URI", required = true,
            description = "Output folder to create, any Hadoop path (must not exist).")
    private String output;

    @Mixin
    private SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        new PredictJob(new PredictJob.Settings(model, input, generate, output, spark.master, spark.workers),
                System.out).run();
        return 0;
    }
}
