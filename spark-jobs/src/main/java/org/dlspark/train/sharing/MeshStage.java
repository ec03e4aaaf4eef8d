package org.dlspark.train.sharing;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.dlspark.train.Learner;
import org.dlspark.train.Objective;
import org.dlspark.train.PairSeeds;
import org.dlspark.train.PairedBatches;
import org.dlspark.train.Replica;
import org.dlspark.train.WorkerBatches;
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
final class MeshStage extends AbstractFunction1<Iterator<WorkerBatches>, Iterator<WorkerOutcome>>
        implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Broadcast<List<NetworkState>> state;
    private final MeshWork work;
    private final Duration timeout;
    private final String rendezvous;
    private final byte[] secret;
    private final Objective objective;
    private final long seed;

    /**
     * @param timeout how long a worker waits for the rendezvous or a peer
     * @param rendezvous where the driver's {@link Rendezvous} for this stage listens, {@code host:port}
     * @param secret the stage's secret, which signs the workers' messages; it travels inside the tasks
     * @param state the driver's replica, network by network
     * @param objective turns each minibatch into what the networks fit, and the replica into its learner, seeded by
     *     {@code seed}, the epoch and the rank
     */
    MeshStage(Broadcast<List<NetworkState>> state, MeshWork work, Duration timeout, String rendezvous, byte[] secret,
            Objective objective, long seed) {
        this.state = state;
        this.work = work;
        this.timeout = timeout;
        this.rendezvous = rendezvous;
        this.secret = secret.clone();
        this.objective = objective;
        this.seed = seed;
    }

    @Override
    public Iterator<WorkerOutcome> apply(Iterator<WorkerBatches> partition) {
        BarrierTaskContext context = BarrierTaskContext.get();
        int rank = context.partitionId();
        WorkerBatches batches = new PairedBatches(partition.next(), objective,
                PairSeeds.ofEpoch(seed, state.value().get(0).epoch() + 1, rank));
        SparkEnv env = SparkEnv.get();
        MeshPeer self = MeshPorts.of(env.conf()).pick(env.blockManager().blockManagerId().host(), rank);
        try {
            return run(context, rank, self, batches, env.executorId());
        } finally {
            MeshPorts.release(self.port());
        }
    }

    private Iterator<WorkerOutcome> run(BarrierTaskContext context, int rank, MeshPeer self, WorkerBatches batches,
            String executor) {
        CompletableFuture<Rendezvous.Link> joining = CompletableFuture.supplyAsync(
                () -> Rendezvous.join(rendezvous, context.stageAttemptNumber(), rank, self, batches.count(), executor,
                        timeout),
                MeshStage::onOwnThread);
        int epoch = state.value().get(0).epoch();
        Replica replica = new Replica(state.value().stream().map(NetworkState::restore).toList());
        Learner learner = objective.learner(replica, PairSeeds.ofLearner(seed, epoch + 1, rank));
        try (Rendezvous.Link driver = await(joining);
                AeronMesh mesh = AeronMesh.join(rank, driver.meeting().peers(), timeout, secret,
                        messageLimit(replica), context::isInterrupted)) {
            WorkerOutcome outcome = work.run(rank, learner, epoch, batches, driver.meeting().iterations(),
                    mesh, driver);
            return JavaConverters.asScalaIterator(List.of(outcome).iterator());
        }
    }

    /**
     * The longest message a worker of {@code replica} may send: all its networks' parameters and updater states at
     * 8 bytes each (a sparse entry's index and value), with room for headers.
     */
    static int messageLimit(Replica replica) {
        long entries = 0;
        for (ComputationGraph network : replica.networks()) {
            INDArray updaterState = network.getUpdater().getStateViewArray();
            entries += network.numParams() + (updaterState == null ? 0 : updaterState.length());
        }
        return (int) Math.min(Integer.MAX_VALUE - 1024, 1024 + 8 * entries);
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
