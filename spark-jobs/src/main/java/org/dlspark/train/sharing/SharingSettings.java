package org.dlspark.train.sharing;

import java.io.Serializable;
import java.time.Duration;

/**
 * How workers share updates.
 *
 * @param density the fraction of the parameters whose update a worker sends per iteration, in (0, 1]
 * @param timeout how long a worker waits for a peer before the stage fails
 */
public record SharingSettings(double density, Duration timeout) implements Serializable {

    /** The defaults: 1% of the entries per iteration (about 2% of the dense update's bytes), 5 minutes. */
    public static final SharingSettings DEFAULTS = new SharingSettings(0.01, Duration.ofMinutes(5));
}
