package org.dlspark.train.sharing;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import scala.collection.Iterator;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * The task of one worker in a Spark barrier stage (all workers run at once, or none does): it opens a UDP port,
 * learns every other worker's address and minibatch count from the driver's {@link Rendezvous} while it rebuilds
 * its replica of the network, joins the {@link AeronMesh}, runs its {@link MeshWork} for as many rounds as the
 * worker with the most minibatches needs, reporting each to the driver, and leaves once it has collected the last
 * round (its media driver resends its own last messages to a peer that missed them). It makes no barrier call:
 * Spark's wait in whole seconds.
 */
final class MeshStage extends AbstractFunction1<Iterator<DataSet>, Iterator<WorkerOutcome>>
        implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<NetworkState> state;
    private final MeshWork work;
    private final Duration timeout;
    private final String rendezvous;

    /**
     * @param timeout how long a worker waits for the rendezvous or a peer
     * @param rendezvous where the driver's {@link Rendezvous} for this stage listens, {@code host:port}
     */
    MeshStage(Broadcast<NetworkState> state, MeshWork work, Duration timeout, String rendezvous) {
        this.state = state;
        this.work = work;
        this.timeout = timeout;
        this.rendezvous = rendezvous;
    }

    @Override
    public Iterator<WorkerOutcome> apply(Iterator<DataSet> partition) {
        BarrierTaskContext context = BarrierTaskContext.get();
        List<DataSet> batches = new ArrayList<>();
        JavaConverters.asJavaIterator(partition).forEachRemaining(batches::add);
        int rank = context.partitionId();
        SparkEnv env = SparkEnv.get();
        MeshPeer self = MeshPorts.of(env.conf()).pick(env.blockManager().blockManagerId().host(), rank);
        CompletableFuture<Rendezvous.Link> joining = CompletableFuture.supplyAsync(
                () -> Rendezvous.join(rendezvous, context.stageAttemptNumber(), rank, self, batches.size(),
                        env.executorId(), timeout),
                MeshStage::onOwnThread);
        NetworkState start = state.value();
        ComputationGraph network = start.restore();
        try (Rendezvous.Link driver = await(joining);
                AeronMesh mesh = AeronMesh.join(rank, driver.meeting().peers(), timeout)) {
            WorkerOutcome outcome = work.run(rank, network, start.epoch(), batches, driver.meeting().iterations(),
                    mesh, driver);
            return JavaConverters.asScalaIterator(List.of(outcome).iterator());
        }
    }

    private static void onOwnThread(Runnable join) {
        Thread thread = new Thread(join, "dlspark rendezvous join");
        thread.setDaemon(true);
        thread.start();
    }

    /** The rendezvous's answer; its failure is rethrown as it was raised. */
    private static Rendezvous.Link await(CompletableFuture<Rendezvous.Link> joining) {
        try {
            return joining.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
