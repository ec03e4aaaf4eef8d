package org.dlspark.train;

/**
 * What a distributed run sent per iteration, against what sending one dense update (or parameter vector) would
 * have: for gradient sharing the encoded updates one worker publishes to one peer; for parameter averaging what one
 * worker sends to all its peers together (its slices of the parameters and updater state, then its averaged
 * slice), spread over the iterations between two averagings.
 *
 * @param iterations iterations (minibatches) one worker fitted
 * @param bytesPerIteration bytes one worker sent per iteration to one receiver, on average (headers included)
 * @param denseBytes the bytes of one dense update (4 per parameter)
 * @param ratio {@code bytesPerIteration / denseBytes}
 * @param rejectedPieces pieces the workers dropped in all: unsigned, altered, stale, repeated or impossible ones
 */
public record Communication(long iterations, double bytesPerIteration, long denseBytes, double ratio,
        long rejectedPieces) {

    /**
     * The traffic of {@code bytes} sent in all by {@code workers} workers, each to {@code receivers} receivers,
     * over {@code iterations} iterations of each worker, for a model of {@code parameters} parameters, with the
     * {@code rejected} pieces they dropped.
     */
    public static Communication of(long bytes, int workers, int receivers, long iterations, long parameters,
            long rejected) {
        double perIteration = iterations == 0 ? 0 : (double) bytes / workers / Math.max(1, receivers) / iterations;
        long dense = parameters * Float.BYTES;
        return new Communication(iterations, perIteration, dense, perIteration / dense, rejected);
    }
}
