package org.dlspark.quality;

import java.io.PrintStream;
import java.util.Locale;
import org.dlspark.train.ProgressPrinter;

/** Prints a quality run's progress: one line per epoch with its figures, throughput and time left. */
final class EpochLine {

    private final PrintStream out;
    private final int epochs;
    private final long examplesPerEpoch;
    private double wallSeconds;

    EpochLine(PrintStream out, int epochs, long examplesPerEpoch) {
        this.out = out;
        this.epochs = epochs;
        this.examplesPerEpoch = examplesPerEpoch;
    }

    /**
     * Prints the line of a finished epoch.
     *
     * @param figures the epoch's figures, already formatted
     * @param trainSeconds the epoch's training time
     * @param epochSeconds the epoch's wall time, evaluation included
     */
    void print(int epoch, String figures, double trainSeconds, double epochSeconds) {
        wallSeconds += epochSeconds;
        double eta = wallSeconds / epoch * (epochs - epoch);
        out.printf(Locale.ROOT, "epoch %d/%d  %s  %.0f examples/s  %s  ETA %s%n", epoch, epochs, figures,
                examplesPerEpoch / trainSeconds, ProgressPrinter.format(trainSeconds), ProgressPrinter.format(eta));
        out.flush();
    }
}
