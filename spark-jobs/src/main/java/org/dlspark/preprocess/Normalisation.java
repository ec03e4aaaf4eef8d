package org.dlspark.preprocess;

import java.util.Locale;
import org.dlspark.train.InvalidSettingException;

/** How image pixels are normalised. */
public enum Normalisation {
    /** Divide by 255: values in [0, 1]. */
    SCALE,
    /** Subtract the training pixels' mean and divide by their standard deviation (one value each, over all pixels). */
    STANDARDISE;

    /** The method named {@code name} on the command line. */
    public static Normalisation of(String name) {
        for (Normalisation method : values()) {
            if (method.option().equals(name)) {
                return method;
            }
        }
        throw new InvalidSettingException("--normalise", "unknown method '" + name + "'; known: scale, standardise");
    }

    /** The name on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
