package org.dlspark.train.sharing;

import java.io.Serializable;
import java.time.Duration;
import org.dlspark.train.StallTimeout;

/**
 * How workers share updates.
 *
 * @param density the fraction of the parameters whose update a worker sends per iteration, in (0, 1]; null for
 *     {@link #densityFor the default}
 * @param timeout how long a worker waits for a peer before the stage fails
 * @param stall how long the driver lets all workers go without finishing an iteration before it calls the epoch
 *     stalled, takes the executors' thread dumps and runs the epoch again
 */
public record SharingSettings(Double density, Duration timeout, StallTimeout stall) implements Serializable {

    /** The default share of the entries a message carries: 1% (about 2% of the dense update's bytes). */
    public static final double DEFAULT_DENSITY = 0.01;
    /**
     * The fewest entries a message carries by default. A network of a few thousand parameters (the autoencoder's
     * 3,721) at 1% would send a few dozen per iteration, and its updates would wait a hundred iterations in the
     * residual: 2 workers ended 1.3 dB below one JVM; with a quarter of its entries, 0.4 dB.
     */
    public static final int MIN_DEFAULT_ENTRIES = 1000;

    /** The defaults: density by network size, 5 minutes, stall auto. */
    public static final SharingSettings DEFAULTS = new SharingSettings(null, Duration.ofMinutes(5),
            StallTimeout.AUTO);

    /**
     * The density for a network of {@code parameters}: the one given, else {@value #DEFAULT_DENSITY} but at least
     * {@value #MIN_DEFAULT_ENTRIES} entries.
     */
    public double densityFor(long parameters) {
        if (density != null) {
            return density;
        }
        return Math.min(1, Math.max(DEFAULT_DENSITY, (double) MIN_DEFAULT_ENTRIES / parameters));
    }

    /** How the density is chosen, for the line that starts a run: {@code 1.00%}, or the default's rule. */
    public String describeDensity() {
        return density != null ? String.format(java.util.Locale.ROOT, "%.2f%%", 100 * density)
                : String.format(java.util.Locale.ROOT, "%.0f%% (at least %d entries)", 100 * DEFAULT_DENSITY,
                        MIN_DEFAULT_ENTRIES);
    }
}
