package org.dlspark.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.zoo.ModelZoo;

/**
 * The {@code quality} job: trains one family on its reference data and measures it against the zoo's targets
 * ({@link QualityTargets}), every family trained by the {@code train} job ({@link TrainedQuality}): classifiers by test
 * accuracy, the autoencoder by denoised PSNR, the GAN by how a trained classifier judges its samples.
 */
public final class QualityJob {

    private final QualitySettings settings;
    private final PrintStream out;

    public QualityJob(QualitySettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the check, prints its figures, and returns them. */
    public QualityResult run() throws IOException {
        ModelZoo.family(settings.model());
        QualityResult result = TrainedQuality.run(settings, out);
        for (Figure figure : result.figures()) {
            out.printf(Locale.ROOT, "quality %s: %s%n", result.model(), figure);
        }
        out.printf(Locale.ROOT, "quality %s: %s in %s%n", result.model(), result.passed() ? "PASS" : "FAIL",
                ProgressPrinter.format(result.wallSeconds()));
        return result;
    }
}
