package org.dlspark.train;

import org.dlspark.spark.JobGroupMetrics;

/**
 * Where parameter averaging spent its time, per averaging round (one Spark job: the workers fit their minibatches
 * from the broadcast parameters, the driver averages what they return), in milliseconds: the round's wall time; a
 * worker's task running (DL4J rebuilding the network from the broadcast and fitting), of which garbage collection;
 * deserialising the task and serialising its result; and the rest of the round, in which a worker waited while
 * Spark scheduled the tasks, shipped the broadcast and the results, and the driver averaged.
 *
 * @param rounds averaging rounds (Spark jobs) measured
 */
public record AveragingProfile(long rounds, double roundMillis, double fitMillis, double gcMillis,
        double taskSerializationMillis, double waitMillis) {

    /** The profile of the parameter-averaging jobs summed in {@code totals}, or null before the first. */
    public static AveragingProfile of(JobGroupMetrics.Totals totals) {
        if (totals.jobs() == 0 || totals.tasks() == 0) {
            return null;
        }
        double tasks = totals.tasks();
        double round = totals.jobMillis() / (double) totals.jobs();
        double fit = totals.runMillis() / tasks;
        double serialization = (totals.deserializeMillis() + totals.resultSerializeMillis()) / tasks;
        return new AveragingProfile(totals.jobs(), round, fit, totals.gcMillis() / tasks, serialization,
                Math.max(0, round - fit - serialization));
    }
}
