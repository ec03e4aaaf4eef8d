package org.dlspark.train.sharing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProgress;
import org.nd4j.linalg.dataset.DataSet;
import scala.collection.Iterator;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * The task of one worker in a Spark barrier stage (all workers run at once, or none does): it opens a UDP port,
 * learns every other worker's address and minibatch count through the barrier's all-gather while it rebuilds its
 * replica of the network, joins the {@link AeronMesh}, runs its {@link SharingWorker} for as many rounds as the
 * worker with the most minibatches needs, and leaves once it has collected the last round (its media driver
 * resends its own last messages to a peer that missed them). Spark's barrier calls wait in whole seconds, so the
 * stage makes one.
 */
final class SharingStage extends AbstractFunction1<Iterator<DataSet>, Iterator<WorkerOutcome>>
        implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<NetworkState> state;
    private final Broadcast<float[][]> residuals;
    private final SharingSettings settings;
    private final long seed;
    private final int epochs;

    /**
     * @param residuals each worker's unsent residual by rank, or null entries at the start
     * @param epochs the run's epoch count, for worker 0's progress lines
     */
    SharingStage(Broadcast<NetworkState> state, Broadcast<float[][]> residuals, SharingSettings settings, long seed,
            int epochs) {
        this.state = state;
        this.residuals = residuals;
        this.settings = settings;
        this.seed = seed;
        this.epochs = epochs;
    }

    @Override
    public Iterator<WorkerOutcome> apply(Iterator<DataSet> partition) {
        BarrierTaskContext context = BarrierTaskContext.get();
        List<DataSet> batches = new ArrayList<>();
        JavaConverters.asJavaIterator(partition).forEachRemaining(batches::add);
        int rank = context.partitionId();
        String host = SparkEnv.get().blockManager().blockManagerId().host();
        MeshPeer self = MeshPeer.withFreePort(host);
        CompletableFuture<String[]> gathered = CompletableFuture.supplyAsync(
                () -> context.allGather(self + " " + batches.size()), SharingStage::onOwnThread);
        NetworkState start = state.value();
        ComputationGraph network = start.restore();
        String[] everyone = await(gathered);
        List<MeshPeer> peers = new ArrayList<>();
        int iterations = 0;
        for (String worker : everyone) {
            String[] parts = worker.split(" ");
            peers.add(MeshPeer.parse(parts[0]));
            iterations = Math.max(iterations, Integer.parseInt(parts[1]));
        }
        IterationProgress progress = rank == 0
                ? new IterationProgress(System.out, epochs, iterations, IterationProgress.DEFAULT_INTERVAL)
                : null;
        try (AeronMesh mesh = AeronMesh.join(rank, peers, settings.timeout())) {
            WorkerOutcome outcome = new SharingWorker(rank, settings, progress).run(network, start.epoch(),
                    residuals.value()[rank], batches, iterations, mesh, seed);
            return JavaConverters.asScalaIterator(List.of(outcome).iterator());
        }
    }

    private static void onOwnThread(Runnable gather) {
        Thread thread = new Thread(gather, "dlspark all-gather");
        thread.setDaemon(true);
        thread.start();
    }

    /** The all-gather's result; its failure (the stage failing, the task killed) is rethrown as it was raised. */
    private static String[] await(CompletableFuture<String[]> gathered) {
        try {
            return gathered.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
