package org.dlspark.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param loss the workers' mean training loss at the end of the epoch
 * @param testAccuracy accuracy on the evaluation set after the epoch
 * @param validationAccuracy accuracy on the validation set, when early stopping watches one; else null
 * @param examplesPerSecond training throughput over the epoch (evaluation excluded)
 * @param trainSeconds time spent training in this epoch
 * @param etaSeconds estimated time to the end of the run
 */
public record EpochReport(int epoch, double loss, double testAccuracy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double validationAccuracy, double examplesPerSecond,
        double trainSeconds, double etaSeconds) {
}
