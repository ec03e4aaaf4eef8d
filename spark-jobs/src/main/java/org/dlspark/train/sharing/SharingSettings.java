package org.dlspark.train.sharing;

import java.io.Serializable;
import java.time.Duration;
import org.dlspark.train.StallTimeout;

/**
 * How workers share updates.
 *
 * @param density the fraction of the parameters whose update a worker sends per iteration, in (0, 1]
 * @param timeout how long a worker waits for a peer before the stage fails
 * @param stall how long the driver lets all workers go without finishing an iteration before it calls the epoch
 *     stalled, takes the executors' thread dumps and runs the epoch again
 */
public record SharingSettings(double density, Duration timeout, StallTimeout stall) implements Serializable {

    /** The defaults: 1% of the entries per iteration (about 2% of the dense update's bytes), 5 minutes, stall auto. */
    public static final SharingSettings DEFAULTS = new SharingSettings(0.01, Duration.ofMinutes(5),
            StallTimeout.AUTO);
}
