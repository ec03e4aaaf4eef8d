package org.dlspark.train.sharing;

import java.nio.ByteBuffer;

/**
 * Sums the workers' whole updates of one iteration with a ring all-reduce over the {@link AeronMesh}, as Horovod and
 * NCCL do: the vector is cut into n chunks; in n - 1 reduce-scatter rounds each worker passes a partial sum of one
 * chunk to the next worker in the ring, which adds its own, until every chunk's sum is complete on one worker; in
 * n - 1 all-gather rounds the complete chunks go round the ring. Each worker sends 2(n-1)/n times the dense update,
 * however many workers there are, and every chunk's sum is added once, on one worker, so all hold the same bits.
 * <p>
 * It sends every entry, so the worker's encoder sends everything too ({@link #DENSITY}): the exchange is chosen
 * ({@link UpdateExchange#cheapest}) when so many entries would be shared that this costs fewer bytes than the
 * {@link SparseAllReduce}. Each message is a chunk's values as 4-byte floats after the examples and mean loss of the
 * minibatches its partial sum covers.
 */
final class DenseRingAllReduce implements UpdateExchange {

    /** The share of the entries a worker's encoder lets through when this exchange sums them: all. */
    static final double DENSITY = 1;
    private static final int HEADER_BYTES = Integer.BYTES + Double.BYTES;

    private final int rank;
    private final int workers;

    /** The ring all-reduce of worker {@code rank} of {@code workers}. */
    DenseRingAllReduce(int rank, int workers) {
        this.rank = rank;
        this.workers = workers;
    }

    @Override
    public int rounds() {
        return 2 * (workers - 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    static final String NAME = "dense ring all-reduce";

    /** The bytes one worker sends per sum of a vector of {@code length} entries among {@code workers}. */
    static long bytesPerWorker(int workers, int length) {
        long chunk = (length + workers - 1) / workers;
        return 2L * (workers - 1) * (MeshPieces.OVERHEAD + HEADER_BYTES + Float.BYTES * chunk);
    }

    @Override
    public RoundMessage reduce(long firstRound, RoundMessage own, AeronMesh mesh, ThresholdEncoder encoder) {
        int length = encoder.length();
        float[] sum = new float[length];
        own.update().addTo(sum);
        int[] examples = new int[workers];
        double[] losses = new double[workers];
        for (int chunk = 0; chunk < workers; chunk++) {
            examples[chunk] = own.examples();
            losses[chunk] = own.loss();
        }
        int next = (rank + 1) % workers;
        int previous = (rank + workers - 1) % workers;
        long round = firstRound;
        for (int step = 0; step < workers - 1; step++, round++) {
            int sent = Math.floorMod(rank - step, workers);
            int received = Math.floorMod(rank - step - 1, workers);
            mesh.send(round, next, chunkBytes(sum, sent, examples[sent], losses[sent]));
            ByteBuffer message = chunk(mesh.receive(round, previous), received, length);
            int theirExamples = message.getInt();
            double theirLoss = message.getDouble();
            losses[received] = RoundMessage.pooledLoss(examples[received], losses[received], theirExamples,
                    theirLoss);
            examples[received] += theirExamples;
            int from = start(received, length);
            for (int i = from; i < start(received + 1, length); i++) {
                sum[i] += message.getFloat();
            }
        }
        for (int step = 0; step < workers - 1; step++, round++) {
            int sent = Math.floorMod(rank + 1 - step, workers);
            int received = Math.floorMod(rank - step, workers);
            mesh.send(round, next, chunkBytes(sum, sent, examples[sent], losses[sent]));
            ByteBuffer message = chunk(mesh.receive(round, previous), received, length);
            examples[received] = message.getInt();
            losses[received] = message.getDouble();
            for (int i = start(received, length); i < start(received + 1, length); i++) {
                sum[i] = message.getFloat();
            }
        }
        return new RoundMessage(examples[0], losses[0], SparseUpdate.nonZero(sum));
    }

    /** Where chunk {@code chunk} of a vector of {@code length} entries starts; chunk n is the end. */
    private int start(int chunk, int length) {
        return (int) ((long) length * chunk / workers);
    }

    private byte[] chunkBytes(float[] sum, int chunk, int examples, double loss) {
        int from = start(chunk, sum.length);
        int to = start(chunk + 1, sum.length);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + Float.BYTES * (to - from));
        buffer.putInt(examples).putDouble(loss);
        buffer.asFloatBuffer().put(sum, from, to - from);
        return buffer.array();
    }

    /**
     * Checks that {@code bytes} is a message of chunk {@code chunk} and returns it positioned at its header.
     *
     * @throws IllegalArgumentException when its length does not fit the chunk or it counts negative examples
     */
    private ByteBuffer chunk(byte[] bytes, int chunk, int length) {
        int values = start(chunk + 1, length) - start(chunk, length);
        if (bytes.length != HEADER_BYTES + Float.BYTES * values) {
            throw new IllegalArgumentException("a ring message of " + bytes.length + " bytes for a chunk of "
                    + values + " entries");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getInt(0) < 0) {
            throw new IllegalArgumentException("a ring message counts " + buffer.getInt(0) + " examples");
        }
        return buffer;
    }
}
