package org.dlspark.zoo;

/**
 * How long and in what minibatches a family trains unless told otherwise: the seed's settings where the seed
 * gives them, otherwise what reaches the family's documented quality on the reference data.
 *
 * @param epochs passes over the training set
 * @param batchSize examples per minibatch
 */
public record TrainingDefaults(int epochs, int batchSize) {

    /** Validates both values. */
    public TrainingDefaults {
        HyperparameterException.atLeast("epochs", epochs, 1);
        HyperparameterException.atLeast("batchSize", batchSize, 1);
    }
}
