package org.dlspark.train;

/** A configuration value that is out of range; the message names the option. */
public final class InvalidSettingException extends IllegalArgumentException {

    /** @param option the option's name as the user writes it; @param problem what is wrong with its value */
    public InvalidSettingException(String option, String problem) {
        super(option + ": " + problem);
    }

    /** Refuses a missing or blank value of {@code option}. */
    public static void requireText(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(option, "a value is required");
        }
    }

    /** Refuses a value of {@code option} below {@code minimum}. */
    public static void atLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw new InvalidSettingException(option, "must be at least " + minimum + ", got " + value);
        }
    }
}
