package org.dlspark.scaling;

/**
 * The sizes a two-worker run measured, from which the model counts every exchange's bytes.
 *
 * @param sparseMessageBytes one gradient-sharing message (a worker's encoded update, headers included)
 * @param denseBytes one dense update (4 bytes per parameter)
 * @param averagingBytesAtTwo what a worker of two sends per iteration by parameter averaging (its slice of the
 *     parameters and updater state, then its average, spread over the iterations between averagings)
 */
public record MessageSizes(double sparseMessageBytes, long denseBytes, double averagingBytesAtTwo) {
}
