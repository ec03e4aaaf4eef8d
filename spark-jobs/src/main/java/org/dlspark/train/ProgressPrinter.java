package org.dlspark.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints one progress line per epoch: loss, the test (and validation) score, throughput and time left. */
public final class ProgressPrinter {

    private final PrintStream out;
    private final int epochs;

    /** Prints to {@code out} for a run of {@code epochs} epochs. */
    public ProgressPrinter(PrintStream out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    /** Prints the line for a finished epoch. */
    public void epochDone(EpochReport report) {
        Score score = report.score();
        String validation = report.validationScore() == null ? ""
                : "  validation " + score.label() + " " + score.format(report.validationScore());
        out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  test %s %s%s  %.0f examples/s  %s  ETA %s%n",
                report.epoch(), epochs, report.loss(), score.label(), score.format(report.testScore()), validation,
                report.examplesPerSecond(),
                format(report.trainSeconds()), format(report.etaSeconds()));
        out.flush();
    }

    /** A duration in seconds as {@code 1h02m03s}, {@code 2m03s} or {@code 3s}. */
    public static String format(double seconds) {
        Duration d = Duration.ofSeconds(Math.round(seconds));
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
        }
        return d.toSeconds() + "s";
    }
}
