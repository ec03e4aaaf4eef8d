package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.ListBatches;
import org.dlspark.train.StallTimeout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** Two workers in this JVM, on loopback, sharing their updates. */
class SharingWorkerTest {

    private static final byte[] SECRET = MeshPieces.newSecret();
    private static final int LIMIT = 1 << 24;

    private static final SharingSettings SETTINGS = new SharingSettings(0.25, Duration.ofSeconds(30),
            StallTimeout.AUTO);

    @Test
    void workersStayIdenticalAndLearn() throws Exception {
        ComputationGraph network = TinyNetworks.network();
        NetworkState start = NetworkState.of(network);
        // Worker 1 has one minibatch fewer: it keeps sending its residual in the last round.
        List<WorkerOutcome> outcomes = runTwoWorkers(start, TinyNetworks.batches(4, 0), TinyNetworks.batches(3, 1));
        WorkerOutcome first = outcomes.get(0);
        WorkerOutcome second = outcomes.get(1);
        assertEquals(first.parametersHash(), second.parametersHash(), "replicas differ");
        assertNull(second.parameters());
        assertNotEquals(start.parameters(), first.parameters());
        assertEquals(4, first.minibatches());
        assertEquals(3, second.minibatches());
        assertEquals(4, second.iterations());
        assertTrue(first.bytesSent() > 0 && second.bytesSent() > 0);
        assertEquals(network.numParams(), first.residual().length);
        assertNull(first.watch().verdict());
    }

    @Test
    void everyWorkerStopsAtTheRoundWhoseLossIsNotFinite() throws Exception {
        NetworkState start = NetworkState.of(TinyNetworks.network());
        List<DataSet> poisoned = TinyNetworks.batches(4, 1);
        poisoned.forEach(batch -> batch.getFeatures().putScalar(0, 0, Float.NaN));
        List<WorkerOutcome> outcomes = runTwoWorkers(start, TinyNetworks.batches(4, 0), poisoned);
        for (WorkerOutcome outcome : outcomes) {
            assertEquals(1, outcome.iterations(), "worker " + outcome.rank());
            assertTrue(outcome.watch().verdict().contains("NaN at epoch 1, iteration 1"), outcome.watch().verdict());
        }
        assertEquals(outcomes.get(0).parametersHash(), outcomes.get(1).parametersHash(), "replicas differ");
    }

    /** Runs workers 0 and 1 on their own threads, each with its minibatches, for 4 rounds. */
    private static List<WorkerOutcome> runTwoWorkers(NetworkState start, List<DataSet> first, List<DataSet> second)
            throws Exception {
        List<MeshPeer> peers = List.of(MeshPorts.ANY.pick("127.0.0.1", 0), MeshPorts.ANY.pick("127.0.0.1", 0));
        List<List<DataSet>> batches = List.of(first, second);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<WorkerOutcome>> futures = new ArrayList<>();
            for (int rank = 0; rank < 2; rank++) {
                int self = rank;
                futures.add(pool.submit(() -> {
                    try (AeronMesh mesh = AeronMesh.join(self, peers, SETTINGS.timeout(), SECRET, LIMIT, () -> false)) {
                        return new SharingWorker(self, SETTINGS, (examples, loss) -> { })
                                .run(start.restore(), start.epoch(), null,
                                new DivergenceWatch(), new ListBatches(batches.get(self)), 4, mesh, 7);
                    }
                }));
            }
            List<WorkerOutcome> outcomes = new ArrayList<>();
            for (Future<WorkerOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
