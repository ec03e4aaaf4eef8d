package org.dlspark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dlspark.eval.EvaluateJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dlspark evaluate}: evaluates a trained classifier over Spark. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Evaluates a trained model over Spark. A classifier: accuracy, per-class and macro precision, "
            + "recall and F1, the confusion matrix (JSON and PNG), ROC AUC for two classes (evaluation.json, "
            + "confusion-matrix.png). The autoencoder: MSE and PSNR of noisy, box-filtered and denoised test images, "
            + "the denoising gain (evaluation.json, denoising.png). The GAN: a classifier's judgement of its "
            + "samples, mean top-class probability and class entropy (evaluation.json, samples.png).",
            "By default it reads the data the model trained on, split as training split it, so the test figures "
            + "reproduce the run's metrics.json."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "URI", required = true,
            description = "A run folder written by 'dlspark train' (or its model.zip), or a registry version folder; "
                    + "any Hadoop path.")
    private String model;

    @Option(names = "--data", paramLabel = "URI",
            description = "Data folder (as for train). Default: the data the model trained on (run.json).")
    private String data;

    @Option(names = "--split", paramLabel = "S", defaultValue = "test", description = "test, validation or train.")
    private String split;

    @Option(names = "--limit", paramLabel = "N",
            description = "Evaluate the first N examples only. Default: as many as the run's own test evaluation.")
    private Integer limit;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Evaluation folder to create (must not exist). Default: runs/evaluate-MODEL-YYYYMMDD-HHMMSS.")
    private Path out;

    @Option(names = "--classifier", paramLabel = "URI",
            description = "For a GAN: the trained Fashion-MNIST classifier (run folder) that judges its samples.")
    private String classifier;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "" + EvaluateJob.DEFAULT_SAMPLES,
            description = "For a GAN: samples judged.")
    private int samples;

    @Option(names = "--baseline", paramLabel = "BOOL", arity = "1", defaultValue = "true",
            description = "For a classifier: also report Spark MLlib's logistic regression, fitted on the data's "
                    + "training split and scored on the same examples (taken from the run's metrics.json when the "
                    + "evaluation repeats the run's own test), and the model's margin over it. Default: "
                    + "${DEFAULT-VALUE}")
    private boolean baseline;

    @Mixin
    private SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        EvaluateJob.Settings settings = new EvaluateJob.Settings(model, data, split, limit,
                out != null ? out : Defaults.runFolder("evaluate"), spark.master, spark.workers, classifier, samples, baseline);
        new EvaluateJob(settings, System.out).run();
        return 0;
    }
}
