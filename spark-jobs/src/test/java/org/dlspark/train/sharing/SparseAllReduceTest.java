package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparseAllReduceTest {

    private static final byte[] SECRET = MeshPieces.newSecret();
    private static final int LIMIT = 1 << 20;
    private static final int LENGTH = 500;
    private static final int ITERATIONS = 3;

    /** What one worker ended with: the sums it applied, its residual, and the bytes it sent. */
    private record Worker(List<RoundMessage> sums, float[] residual, long bytesSent) {
    }

    /**
     * Every worker ends each iteration with the same sum, bit for bit, of at most two updates' entries; nothing is
     * lost (what the sums leave out is in the residuals); and a worker sends about log2(n) messages of at most one
     * update's entries an iteration (with n not a power of two, the final sum goes to the workers folded in).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 8})
    void everyWorkerGetsTheSameSumAndNothingIsLost(int workers) throws Exception {
        List<Worker> ended = run(workers);
        float[] applied = new float[LENGTH];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            RoundMessage first = ended.get(0).sums().get(iteration);
            assertTrue(first.update().size() <= 2 * entries(), "entries " + first.update().size());
            assertEquals(workers * 10, first.examples());
            for (Worker worker : ended) {
                assertEquals(first, worker.sums().get(iteration));
            }
            first.update().addTo(applied);
        }
        float[] computed = new float[LENGTH];
        for (int rank = 0; rank < workers; rank++) {
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                float[] update = update(rank, iteration);
                for (int i = 0; i < LENGTH; i++) {
                    computed[i] += update[i];
                }
            }
        }
        for (int i = 0; i < LENGTH; i++) {
            float kept = applied[i];
            for (Worker worker : ended) {
                kept += worker.residual()[i];
            }
            assertEquals(computed[i], kept, 1e-4f, "entry " + i);
        }
        int messages = SparseAllReduce.rounds(workers);
        long oneMessage = MeshPieces.OVERHEAD + new RoundMessage(10, 1, new SparseUpdate(new int[entries()],
                new float[entries()])).toBytes().length;
        long finalSum = Integer.bitCount(workers) == 1 ? 0 : oneMessage + 8L * entries();
        for (Worker worker : ended) {
            assertTrue(worker.bytesSent() <= ITERATIONS * (messages * oneMessage + finalSum),
                    worker.bytesSent() + " bytes");
        }
    }

    private static int entries() {
        return new ThresholdEncoder(LENGTH, 0.1, null).entriesPerUpdate();
    }

    /** Worker {@code rank}'s dense update of an iteration: random, seeded by both. */
    private static float[] update(int rank, int iteration) {
        Random random = new Random(31L * rank + iteration);
        float[] update = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            update[i] = (float) random.nextGaussian();
        }
        return update;
    }

    private static List<Worker> run(int workers) throws Exception {
        List<MeshPeer> peers = new ArrayList<>();
        for (int rank = 0; rank < workers; rank++) {
            peers.add(MeshPorts.ANY.pick("127.0.0.1", 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Worker>> futures = new ArrayList<>();
            for (int rank = 0; rank < workers; rank++) {
                int self = rank;
                futures.add(pool.submit(() -> {
                    try (AeronMesh mesh = AeronMesh.join(self, peers, Duration.ofSeconds(30), SECRET, LIMIT,
                            () -> false)) {
                        ThresholdEncoder encoder = new ThresholdEncoder(LENGTH, 0.1, null);
                        SparseAllReduce reduction = new SparseAllReduce(self, workers);
                        List<RoundMessage> sums = new ArrayList<>();
                        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                            RoundMessage own = new RoundMessage(10, self, encoder.encode(update(self, iteration)));
                            sums.add(reduction.reduce((long) iteration * SparseAllReduce.rounds(workers), own, mesh,
                                    encoder));
                        }
                        return new Worker(sums, encoder.residual(), mesh.bytesSent());
                    }
                }));
            }
            List<Worker> ended = new ArrayList<>();
            for (Future<Worker> future : futures) {
                ended.add(future.get());
            }
            return ended;
        } finally {
            pool.shutdownNow();
        }
    }
}
