package org.dlspark.train.sharing;

/**
 * Sums the workers' shared updates of one iteration so that every worker ends with the same sum while each sends
 * and receives only about log2(n) messages of at most one update's entries, whatever the number of workers n: a
 * recursive-doubling all-reduce over the {@link AeronMesh} whose partial sums are cut back to the largest entries
 * at every step (global top-k sparsification, as in Shi et al., "A Distributed Synchronous SGD Algorithm with
 * Global Top-k Sparsification", 2019).
 * <p>
 * In step {@code s} each worker of the largest power of two p at most n sends its partial sum to the worker whose
 * rank differs in bit {@code s} and adds the one it receives; the two add the same two operands, so they hold the
 * same bits. The sum is then cut to the {@code k} entries of largest magnitude (the encoder's entries per update),
 * and the part cut off goes back into the residual of one worker of the group that now holds that sum (the one whose
 * rank is a multiple of the group's size; {@link ThresholdEncoder#feedBack}), to be sent later: error feedback stays
 * exact, and nothing is lost. With n
 * not a power of two, worker {@code p + j} first hands its message to worker {@code j}, and receives the final sum
 * from it at the end. Every message carries the examples and the loss of the minibatches it sums, so every worker
 * knows the round's mean loss.
 */
final class SparseAllReduce implements UpdateExchange {

    static final String NAME = "sparse all-reduce";
    private static final int HEADER_BYTES = Integer.BYTES + Double.BYTES + Integer.BYTES;

    private final int rank;
    private final int workers;
    private final int power;

    /** The reduction of worker {@code rank} of {@code workers}. */
    SparseAllReduce(int rank, int workers) {
        this.rank = rank;
        this.workers = workers;
        this.power = Integer.highestOneBit(workers);
    }

    @Override
    public int rounds() {
        return rounds(workers);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The bytes a worker of {@code workers} sends per sum at most, for an encoder of {@code entries} entries per
     * update: a message of at most {@code entries} entries every round (the final sum to a worker folded in may
     * hold twice as many, which only workers beyond the largest power of two receive).
     */
    static long bytesPerWorker(int workers, int entries) {
        return (long) rounds(workers) * (MeshPieces.OVERHEAD + HEADER_BYTES + 8L * entries);
    }

    /** The mesh rounds one reduction of {@code workers} takes: log2 of the largest power of two, and two more. */
    static int rounds(int workers) {
        int power = Integer.highestOneBit(workers);
        return Integer.numberOfTrailingZeros(power) + (workers > power ? 2 : 0);
    }

    /**
     * Sums every worker's {@code own} message over {@code mesh}, in rounds {@code firstRound} to
     * {@code firstRound + rounds(n) - 1}, and returns the sum, the same on every worker. What is cut from the partial
     * sums this worker keeps goes into {@code encoder}'s residual.
     */
    @Override
    public RoundMessage reduce(long firstRound, RoundMessage own, AeronMesh mesh, ThresholdEncoder encoder) {
        int length = encoder.length();
        int entries = encoder.entriesPerUpdate();
        long round = firstRound;
        RoundMessage sum = own;
        boolean folded = workers > power;
        if (folded) {
            if (rank >= power) {
                mesh.send(round, rank - power, own.toBytes());
            } else if (rank + power < workers) {
                sum = add(sum, RoundMessage.fromBytes(mesh.receive(round, rank + power), length), entries, encoder,
                        true);
            }
            round++;
        }
        if (rank < power) {
            for (int bit = 1; bit < power; bit <<= 1, round++) {
                int partner = rank ^ bit;
                mesh.send(round, partner, sum.toBytes());
                RoundMessage received = RoundMessage.fromBytes(mesh.receive(round, partner), length);
                // the 2 * bit workers whose ranks differ only in the bits below 2 * bit now hold this sum: unless it
                // is the final sum, which is applied whole, it is cut, and one of them keeps what is cut from it
                int kept = 2 * bit == power ? Integer.MAX_VALUE : entries;
                sum = add(sum, received, kept, encoder, (rank & (2 * bit - 1)) == 0);
            }
        } else {
            round += Integer.numberOfTrailingZeros(power);
        }
        if (folded) {
            if (rank >= power) {
                sum = RoundMessage.fromBytes(mesh.receive(round, rank - power), length);
            } else if (rank + power < workers) {
                mesh.send(round, rank + power, sum.toBytes());
            }
        }
        return sum;
    }

    /**
     * The sum of two messages cut to {@code entries} entries; what is cut goes into {@code encoder}'s residual when
     * {@code keepsCut}. The same whichever message is first.
     */
    private static RoundMessage add(RoundMessage a, RoundMessage b, int entries, ThresholdEncoder encoder,
            boolean keepsCut) {
        SparseUpdate.Split split = SparseUpdate.sum(a.update(), b.update()).largest(entries);
        if (keepsCut) {
            encoder.feedBack(split.dropped());
        }
        int examples = a.examples() + b.examples();
        return new RoundMessage(examples, RoundMessage.pooledLoss(a.examples(), a.loss(), b.examples(), b.loss()),
                split.kept());
    }
}
