package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.ListBatches;
import org.dlspark.train.NetworkLearner;
import org.dlspark.train.Replica;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Three workers in this JVM, on loopback, averaging after every minibatch. */
class AveragingWorkerTest {

    private static final byte[] SECRET = MeshPieces.newSecret();
    private static final int LIMIT = 1 << 24;

    private static final int WORKERS = 3;

    /**
     * Workers 0 and 1 fit one minibatch each, worker 2 none: every replica must end with the mean of what workers 0
     * and 1 reach alone, parameters and updater state, bit for bit the same.
     */
    @Test
    void replicasEndWithTheWeightedAverage() throws Exception {
        NetworkState start = NetworkState.of(TinyNetworks.network());
        List<List<DataSet>> batches = List.of(TinyNetworks.batches(1, 0), TinyNetworks.batches(1, 1),
                List.of());
        List<WorkerOutcome> outcomes = runWorkers(start, batches, 1, 1);

        ComputationGraph alone0 = start.restore();
        alone0.fit(batches.get(0).get(0));
        ComputationGraph alone1 = start.restore();
        alone1.fit(batches.get(1).get(0));
        INDArray expectedParameters = alone0.params().add(alone1.params()).div(2);
        INDArray expectedUpdater = alone0.getUpdater().getStateViewArray()
                .add(alone1.getUpdater().getStateViewArray()).div(2);

        WorkerOutcome first = outcomes.get(0);
        assertArrayEquals(expectedParameters.toFloatVector(), first.parameters().get(0).toFloatVector(), 1e-6f);
        for (WorkerOutcome outcome : outcomes) {
            assertEquals(first.parametersHash(), outcome.parametersHash(), "replica " + outcome.rank());
            assertArrayEquals(expectedUpdater.toFloatVector(), outcome.updaterStates().get(0).toFloatVector(), 1e-6f);
            assertNull(outcome.residuals());
        }
        assertEquals(List.of(1, 1, 0), outcomes.stream().map(WorkerOutcome::minibatches).toList());
        // The epoch's loss is the mean of the workers' minibatch losses, each computed on the starting network.
        double expectedLoss = (start.restore().score(batches.get(0).get(0))
                + start.restore().score(batches.get(1).get(0))) / 2;
        assertEquals(expectedLoss, WorkerOutcome.meanLoss(outcomes), 1e-6);
    }

    /** Uneven workers over several rounds: replicas identical, every minibatch fitted once. */
    @Test
    void unevenWorkersStayIdentical() throws Exception {
        NetworkState start = NetworkState.of(TinyNetworks.network());
        List<WorkerOutcome> outcomes = runWorkers(start,
                List.of(TinyNetworks.batches(7, 0), TinyNetworks.batches(5, 1), TinyNetworks.batches(6, 2)), 3, 7);
        for (WorkerOutcome outcome : outcomes) {
            assertEquals(outcomes.get(0).parametersHash(), outcome.parametersHash(), "replica " + outcome.rank());
            assertEquals(7, outcome.iterations());
        }
        assertEquals(List.of(7, 5, 6), outcomes.stream().map(WorkerOutcome::minibatches).toList());
    }

    private static List<WorkerOutcome> runWorkers(NetworkState start, List<List<DataSet>> batches, int frequency,
            int iterations) throws Exception {
        List<MeshPeer> peers = new ArrayList<>();
        for (int rank = 0; rank < WORKERS; rank++) {
            peers.add(MeshPorts.ANY.pick("127.0.0.1", 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<WorkerOutcome>> outcomes = new ArrayList<>();
            for (int rank = 0; rank < WORKERS; rank++) {
                int self = rank;
                outcomes.add(pool.submit(() -> {
                    try (AeronMesh mesh = AeronMesh.join(self, peers, Duration.ofSeconds(30), SECRET, LIMIT,
                            () -> false)) {
                        return AveragingWorker.work(frequency, 11).run(self, new NetworkLearner(Replica.of(start.restore())), start.epoch(),
                                new ListBatches(batches.get(self)), iterations, mesh, (examples, loss) -> { });
                    }
                }));
            }
            List<WorkerOutcome> results = new ArrayList<>();
            for (Future<WorkerOutcome> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
