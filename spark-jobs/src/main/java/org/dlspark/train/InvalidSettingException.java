package org.dlspark.train;

/** A configuration value that is out of range; the message names the option. */
public final class InvalidSettingException extends IllegalArgumentException {

    /** @param option the option's name as the user writes it; @param problem what is wrong with its value */
    public InvalidSettingException(String option, String problem) {
        super(option + ": " + problem);
    }
}
