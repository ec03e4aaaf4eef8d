package org.dlspark.train.sharing;

/**
 * What gradient sharing sent, against what sending dense updates would have.
 *
 * @param iterations exchange rounds so far
 * @param bytesPerIteration bytes one worker published per round to one peer, on average (headers included)
 * @param denseBytes the bytes of one dense update (4 per parameter)
 * @param ratio {@code bytesPerIteration / denseBytes}
 */
public record SharingTraffic(long iterations, double bytesPerIteration, long denseBytes, double ratio) {

    /** The traffic of {@code bytes} published by {@code workers} workers over {@code iterations} rounds. */
    static SharingTraffic of(long bytes, int workers, long iterations, long parameters) {
        int peers = Math.max(1, workers - 1);
        double perIteration = iterations == 0 ? 0 : (double) bytes / workers / peers / iterations;
        long dense = parameters * Float.BYTES;
        return new SharingTraffic(iterations, perIteration, dense, perIteration / dense);
    }
}
