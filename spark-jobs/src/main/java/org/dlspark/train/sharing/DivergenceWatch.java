package org.dlspark.train.sharing;

import java.io.Serializable;
import java.util.Locale;

/**
 * Stops a run whose loss diverges instead of letting it finish with a useless model: it follows the workers'
 * mean minibatch loss round by round, and calls the run diverged when a round's loss is not finite, or when the
 * mean of the last {@value #WINDOW} rounds (fewer at the start) exceeds {@value #FACTOR} times the loss the run
 * started from: its first round's, the only one computed on the untrained network. Every worker sees the same
 * round losses, so all of them stop at the same round. One watch follows a whole run: the driver hands each epoch
 * the one the previous epoch ended with.
 */
public final class DivergenceWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rounds averaged for the recent loss. */
    static final int WINDOW = 10;
    /** How far above the starting loss the recent loss may rise. */
    static final double FACTOR = 2.0;

    private final double[] recent = new double[WINDOW];
    private int rounds;
    private double startLoss = Double.NaN;
    private String verdict;

    /** A copy to follow one worker's epoch with. */
    DivergenceWatch copy() {
        DivergenceWatch copy = new DivergenceWatch();
        System.arraycopy(recent, 0, copy.recent, 0, WINDOW);
        copy.rounds = rounds;
        copy.startLoss = startLoss;
        copy.verdict = verdict;
        return copy;
    }

    /**
     * Takes the mean loss of a round (epoch and iteration counted from 1, for the verdict).
     *
     * @return whether the run has diverged: {@link #verdict()} says how
     */
    boolean observe(int epoch, int iteration, double loss) {
        if (!Double.isFinite(loss)) {
            verdict = String.format(Locale.ROOT, "the loss became %s at epoch %d, iteration %d", loss, epoch,
                    iteration);
            return true;
        }
        if (rounds == 0) {
            startLoss = loss;
        }
        recent[rounds % WINDOW] = loss;
        rounds++;
        int window = Math.min(rounds, WINDOW);
        double recentLoss = 0;
        for (int i = 0; i < window; i++) {
            recentLoss += recent[i];
        }
        recentLoss /= window;
        if (recentLoss > FACTOR * startLoss) {
            verdict = String.format(Locale.ROOT, "the loss rose to %.4f (mean of the last %d iterations) at epoch "
                    + "%d, iteration %d, above %.0f times the %.4f it started from", recentLoss, window, epoch,
                    iteration, FACTOR, startLoss);
            return true;
        }
        return false;
    }

    /** How the run diverged, or null while it has not. */
    public String verdict() {
        return verdict;
    }
}
