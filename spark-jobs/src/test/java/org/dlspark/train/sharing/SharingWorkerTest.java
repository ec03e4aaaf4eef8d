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
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** Two workers in this JVM, on loopback: the replicas must end identical, and different from where they began. */
class SharingWorkerTest {

    @Test
    void workersStayIdenticalAndLearn() throws Exception {
        ComputationGraph network = TinyNetworks.network();
        NetworkState start = NetworkState.of(network);
        List<MeshPeer> peers = List.of(MeshPeer.withFreePort("127.0.0.1"), MeshPeer.withFreePort("127.0.0.1"));
        SharingSettings settings = new SharingSettings(0.25, Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<WorkerOutcome>> outcomes = new ArrayList<>();
            for (int rank = 0; rank < 2; rank++) {
                int self = rank;
                // Worker 1 has one minibatch fewer: it keeps sending its residual in the last round.
                List<DataSet> batches = TinyNetworks.batches(self == 0 ? 4 : 3, self);
                outcomes.add(pool.submit(() -> {
                    try (AeronMesh mesh = AeronMesh.join(self, peers, settings.timeout())) {
                        return new SharingWorker(self, settings, null).run(start.restore(), start.epoch(), null,
                                batches, 4, mesh, 7);
                    }
                }));
            }
            WorkerOutcome first = outcomes.get(0).get();
            WorkerOutcome second = outcomes.get(1).get();
            assertEquals(first.parametersHash(), second.parametersHash(), "replicas differ");
            assertNull(second.parameters());
            assertNotEquals(start.parameters(), first.parameters());
            assertEquals(4, first.minibatches());
            assertEquals(3, second.minibatches());
            assertEquals(4, second.iterations());
            assertTrue(first.bytesSent() > 0 && second.bytesSent() > 0);
            assertEquals(network.numParams(), first.residual().length);
        } finally {
            pool.shutdownNow();
        }
    }
}
