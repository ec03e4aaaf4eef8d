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

    private static final int LENGTH = 500;
    private static final int ITERATIONS = 3;

    /**
     * Every worker ends each iteration with the same sum, bit for bit, of at most two updates' entries; nothing is
     * lost (what the sums leave out is in the residuals); and a worker sends about log2(n) messages of at most one
     * update's entries an iteration (with n not a power of two, the final sum goes to the workers folded in).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 8})
    void everyWorkerGetsTheSameSumAndNothingIsLost(int workers) throws Exception {
        List<ExchangeWorkers.Worker> ended = ExchangeWorkers.run(workers, ITERATIONS, LENGTH, 0.1,
                rank -> new SparseAllReduce(rank, workers));
        float[] applied = new float[LENGTH];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            RoundMessage first = ended.get(0).sums().get(iteration);
            assertTrue(first.update().size() <= 2 * entries(), "entries " + first.update().size());
            assertEquals(workers * 10, first.examples());
            for (ExchangeWorkers.Worker worker : ended) {
                assertEquals(first, worker.sums().get(iteration));
            }
            first.update().addTo(applied);
        }
        float[] computed = new float[LENGTH];
        for (int rank = 0; rank < workers; rank++) {
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                float[] update = ExchangeWorkers.update(rank, iteration, LENGTH);
                for (int i = 0; i < LENGTH; i++) {
                    computed[i] += update[i];
                }
            }
        }
        for (int i = 0; i < LENGTH; i++) {
            float kept = applied[i];
            for (ExchangeWorkers.Worker worker : ended) {
                kept += worker.residual()[i];
            }
            assertEquals(computed[i], kept, 1e-4f, "entry " + i);
        }
        int messages = SparseAllReduce.rounds(workers);
        long oneMessage = MeshPieces.OVERHEAD + new RoundMessage(10, 1, new SparseUpdate(new int[entries()],
                new float[entries()])).toBytes().length;
        long finalSum = Integer.bitCount(workers) == 1 ? 0 : oneMessage + 8L * entries();
        for (ExchangeWorkers.Worker worker : ended) {
            assertTrue(worker.bytesSent() <= ITERATIONS * (messages * oneMessage + finalSum),
                    worker.bytesSent() + " bytes");
        }
    }

    private static int entries() {
        return new ThresholdEncoder(LENGTH, 0.1, null).entriesPerUpdate();
    }

}
