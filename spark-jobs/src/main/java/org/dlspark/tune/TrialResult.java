package org.dlspark.tune;

import java.io.Serializable;

/**
 * What a trial achieved.
 *
 * @param trial the trial
 * @param validationAccuracy the best validation accuracy over its epochs (what trials are ranked by)
 * @param testAccuracy the test accuracy of its best epoch's model
 * @param epochs epochs run before early stopping or the limit
 * @param seconds wall time
 * @param error why it failed, or null
 */
public record TrialResult(Trial trial, double validationAccuracy, double testAccuracy, int epochs, double seconds,
        String error) implements Serializable {
}
