package org.dlspark.train;

/**
 * Training diverged: the loss stopped being finite or rose far above where it started. The message says when, and
 * what to change; the driver's model stays as the last epoch that completed left it.
 */
public final class TrainingDivergedException extends RuntimeException {

    /** @param verdict what the loss did, and when */
    public TrainingDivergedException(String verdict) {
        super("training diverged: " + verdict + ". Lower the learning rate (--hp learningRate=...) or train with"
                + " fewer workers; the checkpoints of the epochs before stay in the run folder");
    }
}
