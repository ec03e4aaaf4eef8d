package org.dlspark.train.checkpoint;

/**
 * The record beside one checkpoint's model file.
 *
 * @param epoch the epochs completed when it was written
 * @param iteration the minibatch iterations completed
 * @param seed the run's seed (data order and weights)
 * @param modelFile the model file's name (parameters, updater state, counters), in the checkpoints folder
 * @param sha256 the model file's SHA-256, checked before it is loaded
 */
public record Checkpoint(int epoch, int iteration, long seed, String modelFile, String sha256) {
}
