package org.dlspark.train;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How long the workers of a distributed epoch may go without finishing an iteration before the driver calls it a
 * stall ({@code --stall-timeout}): a fixed time, or by default 10 times the median iteration time so far, and at
 * least {@link #MINIMUM}.
 *
 * @param fixed the fixed time, or null for the default rule
 */
public record StallTimeout(Duration fixed) implements Serializable {

    /** The default rule. */
    public static final StallTimeout AUTO = new StallTimeout(null);
    /** The least the default rule waits. */
    public static final Duration MINIMUM = Duration.ofMinutes(2);
    /** The default rule's multiple of the median iteration time. */
    public static final int MEDIANS = 10;

    /** Checks the fixed time. */
    public StallTimeout {
        if (fixed != null && fixed.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new InvalidSettingException("--stall-timeout", "must be at least 1 second, got " + fixed);
        }
    }

    /** Reads {@code auto} or a number of seconds, as {@code --stall-timeout} takes them. */
    public static StallTimeout parse(String text) {
        if (text.equals("auto")) {
            return AUTO;
        }
        try {
            return new StallTimeout(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException("--stall-timeout", "must be 'auto' or a number of seconds, got '"
                    + text + "'");
        }
    }

    /** The limit in seconds, given the median iteration time so far (empty before the first iteration). */
    public double limitSeconds(OptionalDouble medianSeconds) {
        if (fixed != null) {
            return fixed.toMillis() / 1000.0;
        }
        return Math.max(MINIMUM.toSeconds(), MEDIANS * medianSeconds.orElse(0));
    }

    @Override
    public String toString() {
        return fixed == null ? "auto" : String.format(Locale.ROOT, "%.0f", fixed.toMillis() / 1000.0);
    }
}
