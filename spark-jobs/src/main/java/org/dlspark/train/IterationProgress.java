package org.dlspark.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress inside an epoch, for runs whose epochs are long: at most one line every {@code interval} seconds with
 * the epoch, the iteration (minibatch), the mean loss of the epoch so far, the throughput and the time left. In a
 * distributed run it counts worker 0's iterations and losses, and every worker's examples.
 */
public final class IterationProgress {

    /** Seconds between two lines unless told otherwise. */
    public static final double DEFAULT_INTERVAL = 30;

    private final PrintStream out;
    private final int epochs;
    private final int iterationsPerEpoch;
    private final double interval;
    private final long start = System.nanoTime();
    private long lastLine = System.nanoTime();
    private long iterationsDone;
    private long epochStart;
    private long epochExamples;
    private int epoch;
    private double lossSum;
    private int epochIterations;

    public IterationProgress(PrintStream out, int epochs, int iterationsPerEpoch, double interval) {
        this.out = out;
        this.epochs = epochs;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.interval = interval;
    }

    /** Starts epoch {@code epoch} (1-based). */
    public synchronized void epochStarted(int epoch) {
        this.epoch = epoch;
        this.epochStart = System.nanoTime();
        this.epochExamples = 0;
        this.lossSum = 0;
        this.epochIterations = 0;
    }

    /**
     * Records {@code size} examples that other workers fitted alongside the iterations this progress counts, so
     * that the throughput is the whole run's.
     */
    public synchronized void examplesDone(int size) {
        epochExamples += size;
    }

    /** Records one fitted minibatch of {@code size} examples with training loss {@code loss}. */
    public synchronized void iterationDone(int size, double loss) {
        iterationsDone++;
        epochIterations++;
        epochExamples += size;
        lossSum += loss;
        long now = System.nanoTime();
        if ((now - lastLine) / 1e9 >= interval && epochIterations < iterationsPerEpoch) {
            lastLine = now;
            double elapsed = (now - start) / 1e9;
            long remaining = (long) epochs * iterationsPerEpoch - iterationsDone;
            out.printf(Locale.ROOT, "epoch %d/%d  iteration %d/%d  loss %.4f  %.0f examples/s  ETA %s%n", epoch,
                    epochs, epochIterations, iterationsPerEpoch, lossSum / epochIterations,
                    epochExamples / ((now - epochStart) / 1e9), ProgressPrinter.format(elapsed / iterationsDone
                            * remaining));
            out.flush();
        }
    }
}
