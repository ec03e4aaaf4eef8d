package org.dlspark.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.zoo.ModelZoo;

/**
 * The {@code quality} job: trains one family (in this JVM, or data-parallel on Spark) on its reference data and measures it against the zoo's
 * targets ({@link QualityTargets}): classifiers by test accuracy, the autoencoder by denoised PSNR, the GAN by how a
 * trained classifier judges its samples.
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
        QualityResult result = switch (settings.model()) {
            case "autoencoder" -> DenoisingQuality.run(settings, out);
            case "gan" -> GanQuality.run(settings, out);
            default -> ClassifierQuality.run(settings, out);
        };
        for (Figure figure : result.figures()) {
            out.printf(Locale.ROOT, "quality %s: %s%n", result.model(), figure);
        }
        out.printf(Locale.ROOT, "quality %s: %s in %s%n", result.model(), result.passed() ? "PASS" : "FAIL",
                ProgressPrinter.format(result.wallSeconds()));
        return result;
    }
}
