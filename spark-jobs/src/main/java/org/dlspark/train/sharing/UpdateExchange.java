package org.dlspark.train.sharing;

/**
 * How the workers of a gradient-sharing stage sum one network's shared updates in every fit, each ending with the
 * same sum, bit for bit: by a {@link SparseAllReduce} of the encoded updates, or, when so many entries are shared
 * that it moves fewer bytes, by a {@link DenseRingAllReduce} of the whole updates.
 */
interface UpdateExchange {

    /**
     * Sums every worker's {@code own} message over {@code mesh} in rounds {@code firstRound} to
     * {@code firstRound + rounds() - 1} and returns the sum; what the exchange leaves out of it for later goes back
     * into {@code encoder}'s residual.
     */
    RoundMessage reduce(long firstRound, RoundMessage own, AeronMesh mesh, ThresholdEncoder encoder);

    /** The mesh rounds one sum takes. */
    int rounds();

    /** What {@code metrics.json} and the console call it. */
    String name();

    /**
     * The exchange that sends worker {@code rank} of {@code workers} the fewest bytes per sum of a vector of
     * {@code length} entries whose encoder shares {@code density} of them: the bytes each would send are computed
     * exactly from the message sizes (as {@code dlspark bench} measures them), so all workers choose alike.
     */
    static UpdateExchange cheapest(int rank, int workers, int length, double density) {
        int entries = ThresholdEncoder.entriesPerUpdate(length, density);
        return DenseRingAllReduce.bytesPerWorker(workers, length) < SparseAllReduce.bytesPerWorker(workers, entries)
                ? new DenseRingAllReduce(rank, workers) : new SparseAllReduce(rank, workers);
    }
}
