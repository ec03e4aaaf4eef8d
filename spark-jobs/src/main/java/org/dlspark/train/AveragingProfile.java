package org.dlspark.train;

import java.util.Locale;
import org.dlspark.spark.JobGroupMetrics;

/**
 * Where parameter averaging spent its time, per averaging round (the workers fit their minibatches from the
 * broadcast parameters, the driver averages what they return), in milliseconds: the round's wall time; a
 * worker's task running (DL4J rebuilding the network from the broadcast and fitting), of which garbage collection;
 * deserialising the task and serialising its result; and the rest of the round, in which a worker waited while
 * Spark scheduled the tasks, shipped the broadcast and the results, and the driver averaged.
 *
 * @param rounds averaging rounds measured
 */
public record AveragingProfile(long rounds, double roundMillis, double fitMillis, double gcMillis,
        double taskSerializationMillis, double waitMillis) {

    /** The profile as a sentence. */
    public String describe() {
        return String.format(Locale.ROOT, "an averaging round took %.0f ms: a worker fitting %.0f (garbage collection "
                + "%.0f), (de)serialising %.0f, waiting for Spark and the driver %.0f", roundMillis, fitMillis,
                gcMillis, taskSerializationMillis, waitMillis);
    }

    /**
     * The profile of {@code rounds} averaging rounds of {@code workers} workers whose Spark jobs summed to
     * {@code totals}, or null before the first. DL4J may run more than one job per round; their times add up.
     */
    public static AveragingProfile of(JobGroupMetrics.Totals totals, long rounds, int workers) {
        if (rounds == 0 || totals.tasks() == 0) {
            return null;
        }
        double workerRounds = (double) rounds * workers;
        double round = totals.jobMillis() / (double) rounds;
        double fit = totals.runMillis() / workerRounds;
        double serialization = (totals.deserializeMillis() + totals.resultSerializeMillis()) / workerRounds;
        return new AveragingProfile(rounds, round, fit, totals.gcMillis() / workerRounds, serialization,
                Math.max(0, round - fit - serialization));
    }
}
