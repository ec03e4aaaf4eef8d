package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.AdversarialObjective;
import org.dlspark.train.Learner;
import org.dlspark.train.ListBatches;
import org.dlspark.train.NetworkLearner;
import org.dlspark.train.Replica;
import org.dlspark.train.StallTimeout;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

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
        assertNotEquals(start.parameters(), first.parameters().get(0));
        assertEquals(4, first.minibatches());
        assertEquals(3, second.minibatches());
        assertEquals(4, second.iterations());
        assertTrue(first.bytesSent() > 0 && second.bytesSent() > 0);
        assertEquals(network.numParams(), first.residuals()[0].length);
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

    /**
     * The GAN's step is three exchange rounds (the discriminator on real images, on generated ones, then the
     * generator): both networks stay identical on both workers, the combined graph's copy of the discriminator equal
     * to the discriminator, and each network counts its own fits.
     */
    @Test
    void ganWorkersShareBothNetworksUpdatesStepByStep() throws Exception {
        ZooModel model = ModelZoo.create("gan", Map.of("latentSize", 4, "generatorFilters", 2,
                "discriminatorFilters", 2));
        AdversarialObjective objective = new AdversarialObjective(4, null);
        Replica replica = objective.newReplica(model, model.build());
        List<NetworkState> start = replica.networks().stream().map(NetworkState::of).toList();
        List<WorkerOutcome> outcomes = runTwoWorkers(rank -> objective.learner(
                new Replica(start.stream().map(NetworkState::restore).toList()), 100 + rank),
                images(3, 0), images(2, 1));
        WorkerOutcome first = outcomes.get(0);
        assertEquals(first.parametersHash(), outcomes.get(1).parametersHash(), "replicas differ");
        assertNotEquals(start.get(0).parameters(), first.parameters().get(0));
        assertNotEquals(start.get(1).parameters(), first.parameters().get(1));
        ComputationGraph gan = start.get(0).restore();
        gan.params().assign(first.parameters().get(0));
        ComputationGraph discriminator = start.get(1).restore();
        discriminator.params().assign(first.parameters().get(1));
        for (Layer layer : discriminator.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            assertEquals(layer.params(), gan.getLayer(name).params(), name);
        }
        assertArrayEquals(new int[] {3, 6}, first.iterationCounts());
        assertArrayEquals(new int[] {2, 4}, outcomes.get(1).iterationCounts());
        assertEquals(2, first.residuals().length);
    }

    private static List<DataSet> images(int count, int seed) {
        Nd4j.getRandom().setSeed(seed);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batches.add(new DataSet(Nd4j.rand(4, 1, 28, 28), null));
        }
        return batches;
    }

    /** Runs workers 0 and 1 on their own threads, each with its minibatches, for 4 rounds. */
    private static List<WorkerOutcome> runTwoWorkers(NetworkState start, List<DataSet> first, List<DataSet> second)
            throws Exception {
        return runTwoWorkers(rank -> new NetworkLearner(Replica.of(start.restore())), first, second);
    }

    /** Runs workers 0 and 1 on their own threads, each with its learner and minibatches, for 4 steps. */
    private static List<WorkerOutcome> runTwoWorkers(IntFunction<Learner> learners, List<DataSet> first,
            List<DataSet> second) throws Exception {
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
                                .run(learners.apply(self), 0, null,
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
