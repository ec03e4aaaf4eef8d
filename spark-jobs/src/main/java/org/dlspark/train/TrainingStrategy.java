package org.dlspark.train;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How a run trains its epochs: where ({@link TrainingSite}) and with which {@link EpochTrainer}, which reports what
 * its workers sent. Each {@link Strategy} is one implementation, so a new strategy is one new class.
 */
public interface TrainingStrategy {

    /**
     * Opens where the strategy trains.
     *
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers the data-parallel workers, or null for the site's default
     */
    TrainingSite open(String application, String master, Integer workers);

    /** Whether the strategy's workers are Spark executors, which then read a run's shards themselves. */
    default boolean trainsOnSpark() {
        return false;
    }

    /** How the run trains, for the line that starts it, e.g. "in this JVM, minibatches of 64". */
    String describe(TrainingSite site, TrainSettings settings);

    /**
     * The trainer of {@code replica} on {@code site}, which fits and scores it as {@code objective} says;
     * {@code out} takes its progress lines, {@code stalls} the thread dumps of the workers of an epoch that stalled.
     */
    EpochTrainer trainer(TrainingSite site, Replica replica, RunBatches batches, Objective objective,
            TrainSettings settings, Path stalls, PrintStream out);
}
