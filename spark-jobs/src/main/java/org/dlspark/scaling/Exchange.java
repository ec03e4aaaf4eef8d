package org.dlspark.scaling;

/**
 * The ways data-parallel workers combine their work, as the scaling model counts their traffic per iteration: the
 * rounds a worker waits through (each costs the link's delay) and the bytes it sends, from the message sizes a
 * two-worker run measured.
 */
public enum Exchange {
    /** DLSpark's parameter averaging: every few iterations, each worker's slices to every peer, then its average. */
    PARAMETER_AVERAGING("parameter averaging"),
    /** Gradient sharing's all-to-all mesh until 2026-12-07: every worker's message to every other worker. */
    MESH("mesh (until 2026-12-07)"),
    /** Gradient sharing's sparse all-reduce: about log2(n) rounds of one message each. */
    SPARSE_ALL_REDUCE("sparse all-reduce"),
    /** A dense ring all-reduce: 2(n-1) rounds of 1/n of the dense update each. */
    DENSE_RING("dense ring all-reduce");

    private final String label;

    Exchange(String label) {
        this.label = label;
    }

    /** What tables call it. */
    public String label() {
        return label;
    }

    /** The rounds per iteration among {@code workers}, averaging every {@code frequency} iterations. */
    public double rounds(int workers, int frequency) {
        return switch (this) {
            case PARAMETER_AVERAGING -> 2.0 / frequency;
            case MESH -> 1;
            case SPARSE_ALL_REDUCE -> sparseRounds(workers);
            case DENSE_RING -> 2.0 * (workers - 1);
        };
    }

    /** The messages one worker of {@code workers} sends per iteration, averaging every {@code frequency}. */
    public double messages(int workers, int frequency) {
        return switch (this) {
            case PARAMETER_AVERAGING -> 2.0 * (workers - 1) / frequency;
            case MESH -> workers - 1;
            case SPARSE_ALL_REDUCE -> sparseRounds(workers);
            case DENSE_RING -> 2.0 * (workers - 1);
        };
    }

    /**
     * The bytes of each such message, given what two workers' messages held: for averaging a worker's slice of the
     * state, one n-th of what a worker of two sent between averagings.
     */
    public double messageBytes(int workers, int frequency, MessageSizes sizes) {
        return switch (this) {
            case PARAMETER_AVERAGING -> sizes.averagingBytesAtTwo() * frequency / workers;
            case MESH, SPARSE_ALL_REDUCE -> sizes.sparseMessageBytes();
            case DENSE_RING -> sizes.denseBytes() / (double) workers + RING_HEADER_BYTES;
        };
    }

    /** The wire seconds of an iteration among {@code workers} on {@code link}. */
    public double seconds(int workers, int frequency, MessageSizes sizes, Link link) {
        return link.seconds(rounds(workers, frequency), messages(workers, frequency),
                messageBytes(workers, frequency, sizes));
    }

    /** A ring message's bytes beyond its values: the mesh's piece header and MAC, examples and loss. */
    private static final int RING_HEADER_BYTES = 48;

    /** The sparse all-reduce's rounds: log2 of the largest power of two at most n, two more when n is not one. */
    static int sparseRounds(int workers) {
        int power = Integer.highestOneBit(workers);
        return Integer.numberOfTrailingZeros(power) + (workers > power ? 2 : 0);
    }
}
