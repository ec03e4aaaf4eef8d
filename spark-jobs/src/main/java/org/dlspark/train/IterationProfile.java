package org.dlspark.train;

import java.io.Serializable;
import java.util.Locale;

/**
 * Where a data-parallel worker's iterations spent their time, in milliseconds per iteration, averaged over the
 * workers: computing its minibatch's update, encoding what it sends, exchanging with its peers (waiting for the
 * slowest included) and applying what it received. Gradient sharing encodes, exchanges and applies updates every
 * iteration; parameter averaging fits (computes and applies its own update) every iteration and encodes, exchanges
 * and averages the parameters every few, which the profile spreads over the iterations.
 */
public record IterationProfile(double computeMillis, double encodeMillis, double exchangeMillis,
        double applyMillis) implements Serializable {

    /** The profile as a sentence. */
    public String describe() {
        return String.format(Locale.ROOT, "a worker's iteration took %.1f ms: computing %.1f, "
                + "encoding %.1f, exchanging (waiting for peers included) %.1f, applying %.1f", totalMillis(),
                computeMillis, encodeMillis, exchangeMillis, applyMillis);
    }

    /** Milliseconds per iteration in all. */
    public double totalMillis() {
        return computeMillis + encodeMillis + exchangeMillis + applyMillis;
    }

    /** Running sums of nanoseconds over iterations, from which a profile is taken. */
    public static final class Timer implements Serializable {

        private static final long serialVersionUID = 1L;

        private long compute;
        private long encode;
        private long exchange;
        private long apply;
        private long iterations;

        public void addCompute(long nanos) {
            compute += nanos;
        }

        public void addEncode(long nanos) {
            encode += nanos;
        }

        public void addExchange(long nanos) {
            exchange += nanos;
        }

        public void addApply(long nanos) {
            apply += nanos;
        }

        /** Counts one finished iteration. */
        public void iterationDone() {
            iterations++;
        }

        /** Adds another worker's (or epoch's) sums to these. */
        public void add(Timer other) {
            compute += other.compute;
            encode += other.encode;
            exchange += other.exchange;
            apply += other.apply;
            iterations += other.iterations;
        }

        /** The mean per iteration, or null before the first. */
        public IterationProfile profile() {
            if (iterations == 0) {
                return null;
            }
            double scale = 1e6 * iterations;
            return new IterationProfile(compute / scale, encode / scale, exchange / scale, apply / scale);
        }
    }
}
