package org.dlspark.zoo;

/**
 * A hyperparameter that is unknown or out of range. The message names the hyperparameter, and the model once
 * {@link ModelZoo} has attached it.
 */
public final class HyperparameterException extends IllegalArgumentException {

    private HyperparameterException(String message) {
        super(message);
    }

    /** @param key the hyperparameter; @param problem what is wrong with it */
    public static HyperparameterException of(String key, String problem) {
        return new HyperparameterException("hyperparameter '" + key + "' " + problem);
    }

    /** The same error, prefixed with the model's name. */
    HyperparameterException inModel(String model) {
        HyperparameterException named = new HyperparameterException(model + ": " + getMessage());
        named.setStackTrace(getStackTrace());
        return named;
    }

    /** Throws unless {@code value > 0}. */
    public static void positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw of(key, "must be a positive number, got " + value);
        }
    }

    /** Throws unless {@code value >= 0}. */
    public static void nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw of(key, "must be a non-negative number, got " + value);
        }
    }

    /** Throws unless {@code 0 <= value < 1}. */
    public static void fraction(String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw of(key, "must be in [0, 1), got " + value);
        }
    }

    /** Throws unless {@code value >= minimum}. */
    public static void atLeast(String key, long value, long minimum) {
        if (value < minimum) {
            throw of(key, "must be at least " + minimum + ", got " + value);
        }
    }
}
