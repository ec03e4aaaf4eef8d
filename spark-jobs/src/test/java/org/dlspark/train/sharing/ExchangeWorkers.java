package org.dlspark.train.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Workers on threads of one JVM, joined by a real {@link AeronMesh} on loopback, that sum seeded updates. */
final class ExchangeWorkers {

    private static final byte[] SECRET = MeshPieces.newSecret();
    private static final int LIMIT = 1 << 20;

    /** What one worker ended with: the sums it applied, its residual, and the bytes it sent. */
    record Worker(List<RoundMessage> sums, float[] residual, long bytesSent) {
    }

    private ExchangeWorkers() {
    }

    /**
     * Runs {@code iterations} sums among {@code workers}, each worker encoding its {@link #update} of
     * {@code length} entries at {@code density} (10 examples, its rank as the loss) and summing it by the exchange
     * {@code exchange} makes for its rank.
     */
    static List<Worker> run(int workers, int iterations, int length, double density,
            IntFunction<UpdateExchange> exchange) throws Exception {
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
                        ThresholdEncoder encoder = new ThresholdEncoder(length, density, null);
                        UpdateExchange reduction = exchange.apply(self);
                        List<RoundMessage> sums = new ArrayList<>();
                        for (int iteration = 0; iteration < iterations; iteration++) {
                            RoundMessage own = new RoundMessage(10, self,
                                    encoder.encode(update(self, iteration, length)));
                            sums.add(reduction.reduce((long) iteration * reduction.rounds(), own, mesh, encoder));
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

    /** Worker {@code rank}'s dense update of an iteration: random, seeded by both. */
    static float[] update(int rank, int iteration, int length) {
        Random random = new Random(31L * rank + iteration);
        float[] update = new float[length];
        for (int i = 0; i < length; i++) {
            update[i] = (float) random.nextGaussian();
        }
        return update;
    }
}
