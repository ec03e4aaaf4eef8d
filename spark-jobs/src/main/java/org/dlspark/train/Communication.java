package org.dlspark.train;

/**
 * What a distributed run sent per iteration, against what sending one dense update (or parameter vector) would
 * have: what one worker sends in all per iteration, to however many peers: for gradient sharing its messages of the
 * exchange that sums the updates; for parameter averaging its slices of the parameters and updater state, then its
 * averaged slice, spread over the iterations between two averagings.
 *
 * @param exchange how the workers combined their work: {@code parameter averaging}, or the gradient-sharing
 *     exchange ({@code sparse all-reduce}, {@code dense ring all-reduce}; both, comma-separated, when the networks
 *     of a model use different ones)
 * @param iterations iterations (minibatches) one worker fitted
 * @param bytesPerIteration bytes one worker sent per iteration, on average (headers included)
 * @param denseBytes the bytes of one dense update (4 per parameter)
 * @param ratio {@code bytesPerIteration / denseBytes}
 * @param rejectedPieces pieces the workers dropped in all: unsigned, altered, stale, repeated or impossible ones
 */
public record Communication(String exchange, long iterations, double bytesPerIteration, long denseBytes,
        double ratio, long rejectedPieces) {

    /**
     * The traffic of {@code bytes} sent in all by {@code workers} workers over {@code iterations} iterations of each
     * worker, by {@code exchange}, for a model of {@code parameters} parameters, with the {@code rejected} pieces
     * they dropped.
     */
    public static Communication of(String exchange, long bytes, int workers, long iterations, long parameters,
            long rejected) {
        double perIteration = iterations == 0 ? 0 : (double) bytes / workers / iterations;
        long dense = parameters * Float.BYTES;
        return new Communication(exchange, iterations, perIteration, dense, perIteration / dense, rejected);
    }
}
