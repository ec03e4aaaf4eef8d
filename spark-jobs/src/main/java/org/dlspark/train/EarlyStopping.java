package org.dlspark.train;

import java.util.Comparator;
import java.util.List;

/**
 * Stops training once the validation score has not improved for {@code patience} epochs; 0 turns it off. The
 * decision reads only the epoch history, so a resumed run decides as the uninterrupted one would.
 */
public record EarlyStopping(int patience) {

    /** No early stopping. */
    public static final EarlyStopping OFF = new EarlyStopping(0);
    /** The patience of a run on a data set with a validation split of its own, unless told otherwise. */
    public static final int DEFAULT_PATIENCE = 3;

    /** Checks the patience. */
    public EarlyStopping {
        InvalidSettingException.atLeast("--patience", patience, 0);
    }

    /**
     * Early stopping as a run does without {@code --patience}: on, with {@link #DEFAULT_PATIENCE}, when its data set
     * has a validation split of its own; off otherwise (a held-out tenth of the training set is not taken unasked).
     */
    public static EarlyStopping byDefault(boolean validationSplit) {
        return validationSplit ? new EarlyStopping(DEFAULT_PATIENCE) : OFF;
    }

    /** Whether it watches a validation set at all. */
    public boolean enabled() {
        return patience > 0;
    }

    /** The epoch with the best validation score (the earliest of equals); 0 when there is none. */
    public int bestEpoch(List<EpochReport> history) {
        return history.stream().filter(r -> r.validationScore() != null)
                .max(Comparator.comparingDouble(EpochReport::validationScore)
                        .thenComparing(EpochReport::epoch, Comparator.reverseOrder()))
                .map(EpochReport::epoch).orElse(0);
    }

    /** Whether the last epoch of {@code history} is the best so far. */
    public boolean lastIsBest(List<EpochReport> history) {
        return enabled() && !history.isEmpty() && bestEpoch(history) == history.get(history.size() - 1).epoch();
    }

    /** Whether training should stop after the last epoch of {@code history}. */
    public boolean shouldStop(List<EpochReport> history) {
        return enabled() && !history.isEmpty()
                && history.get(history.size() - 1).epoch() - bestEpoch(history) >= patience;
    }
}
