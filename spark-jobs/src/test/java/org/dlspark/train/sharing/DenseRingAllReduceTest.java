package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseRingAllReduceTest {

    private static final int LENGTH = 503;
    private static final int ITERATIONS = 3;

    /**
     * Every worker ends each iteration with the same sum, bit for bit, of every worker's whole update, the mean loss
     * of all; nothing stays in a residual; each worker sends 2(n-1) chunks of about 1/n of the vector a sum.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void everyWorkerGetsTheWholeSum(int workers) throws Exception {
        List<ExchangeWorkers.Worker> ended = ExchangeWorkers.run(workers, ITERATIONS, LENGTH,
                DenseRingAllReduce.DENSITY, rank -> new DenseRingAllReduce(rank, workers));
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            RoundMessage first = ended.get(0).sums().get(iteration);
            assertEquals(workers * 10, first.examples());
            assertEquals((workers - 1) / 2.0, first.loss(), 1e-12);
            for (ExchangeWorkers.Worker worker : ended) {
                assertEquals(first, worker.sums().get(iteration));
            }
            float[] applied = new float[LENGTH];
            first.update().addTo(applied);
            for (int i = 0; i < LENGTH; i++) {
                float expected = 0;
                for (int rank = 0; rank < workers; rank++) {
                    expected += ExchangeWorkers.update(rank, iteration, LENGTH)[i];
                }
                assertEquals(expected, applied[i], 1e-4f, "entry " + i + " of iteration " + iteration);
            }
        }
        for (ExchangeWorkers.Worker worker : ended) {
            assertEquals(0, worker.residual()[0]);
            assertEquals(ITERATIONS * DenseRingAllReduce.bytesPerWorker(workers, LENGTH), worker.bytesSent(),
                    ITERATIONS * 2L * (workers - 1) * Float.BYTES);
        }
    }

    /**
     * The sparse all-reduce at the default density; the ring where it sends fewer bytes: every entry shared, or the
     * autoencoder's 3,721 parameters at its default density (1,000 entries) among 16 workers.
     */
    @Test
    void theCheaperExchangeIsChosen() {
        assertInstanceOf(SparseAllReduce.class, UpdateExchange.cheapest(0, 8, 100_000, 0.01));
        assertInstanceOf(SparseAllReduce.class, UpdateExchange.cheapest(0, 1024, 100_000, 0.01));
        assertInstanceOf(DenseRingAllReduce.class, UpdateExchange.cheapest(0, 8, 100_000, 1));
        assertInstanceOf(SparseAllReduce.class, UpdateExchange.cheapest(0, 8, 3721, 1000.0 / 3721));
        assertInstanceOf(DenseRingAllReduce.class, UpdateExchange.cheapest(0, 16, 3721, 1000.0 / 3721));
    }
}
