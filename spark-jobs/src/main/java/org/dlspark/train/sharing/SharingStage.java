package org.dlspark.train.sharing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.dlspark.train.IterationProgress;
import org.nd4j.linalg.dataset.DataSet;
import scala.collection.Iterator;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * The task of one worker in a Spark barrier stage (all workers run at once, or none does): it opens a UDP port,
 * learns every other worker's address and minibatch count through the barrier's all-gather, joins the
 * {@link AeronMesh}, runs its {@link SharingWorker} for as many rounds as the worker with the most minibatches
 * needs, and waits at the barrier until every worker is done before it leaves the mesh.
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
        String[] everyone = context.allGather(self + " " + batches.size());
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
            WorkerOutcome outcome = new SharingWorker(rank, settings, progress).run(state.value(),
                    residuals.value()[rank], batches, iterations, mesh, seed);
            // Nobody leaves the mesh while a peer may still need its messages resent.
            context.barrier();
            return JavaConverters.asScalaIterator(List.of(outcome).iterator());
        }
    }
}
