package org.dlspark.train;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param loss the workers' mean training loss at the end of the epoch
 * @param testAccuracy accuracy on the evaluation set after the epoch
 * @param examplesPerSecond training throughput over the epoch (evaluation excluded)
 * @param trainSeconds time spent training in this epoch
 * @param etaSeconds estimated time to the end of the run
 */
public record EpochReport(int epoch, double loss, double testAccuracy, double examplesPerSecond, double trainSeconds,
        double etaSeconds) {
}
