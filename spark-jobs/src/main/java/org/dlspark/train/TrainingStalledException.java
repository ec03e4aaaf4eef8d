package org.dlspark.train;

/**
 * The workers of a distributed epoch stopped finishing iterations, again after the epoch was run once more. The
 * message names the worker the driver suspects, its host and the file with its thread dump.
 */
public final class TrainingStalledException extends RuntimeException {

    /** @param verdict what stalled, where, and where its thread dumps are */
    public TrainingStalledException(String verdict) {
        super("training stalled: " + verdict);
    }
}
