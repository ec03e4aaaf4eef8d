package org.dlspark.train.sharing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.WorkerBatches;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One worker's epoch of gradient sharing. Every iteration it computes its update on its next minibatch, encodes
 * it ({@link ThresholdEncoder}) and publishes it to every other worker ({@link AeronMesh}); then it collects that
 * round's updates of all workers and subtracts their sum, added in rank order, from its parameters before it
 * computes the next. Every worker thus applies the same sums in the same order to the same parameters, and the
 * replicas stay identical without ever sending parameters.
 *
 * <p>Each worker's update has been through its own updater (RMSProp's steps are about the learning rate per entry
 * whatever the gradient), so the sum of {@code n} updates is a step up to {@code n} times a single worker's: the
 * linear scaling of the learning rate with the global minibatch that large-minibatch training uses. Such a step is
 * sound only on the parameters it was computed on. Applying each round one iteration late, as this worker once did
 * to hide its peers' latency, made every update one round stale, and the stale sum overshot more with every
 * worker: with 8 workers the loss oscillated between 2 and 5 and the model ended worse than a uniform guess.
 */
final class SharingWorker {

    private final int rank;
    private final SharingSettings settings;
    private final IterationListener listener;

    /** @param listener hears each iteration the worker finishes */
    SharingWorker(int rank, SharingSettings settings, IterationListener listener) {
        this.rank = rank;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * The work of a {@link MeshStage} that shares updates, each worker starting from its residual by rank and
     * from the run's divergence watch as the previous epoch left it.
     */
    static MeshWork work(SharingSettings settings, Broadcast<float[][]> residuals, Broadcast<DivergenceWatch> watch,
            long seed) {
        return (rank, network, epoch, batches, iterations, mesh, listener) -> new SharingWorker(rank, settings,
                listener).run(network, epoch, residuals.value()[rank], watch.value().copy(), batches, iterations,
                mesh, seed);
    }

    /**
     * Runs {@code iterations} exchange rounds over {@code mesh}, fitting the worker's {@code batches} in a seeded
     * order; once they run out it keeps sending what its residual holds. It stops early, with every other worker,
     * when {@code watch} finds the run diverged.
     *
     * @param network this worker's replica, as the driver's network stood after {@code epoch} epochs
     * @param residual what this worker left unsent in the previous epoch, or null
     */
    WorkerOutcome run(ComputationGraph network, int epoch, float[] residual, DivergenceWatch watch,
            WorkerBatches batches, int iterations, AeronMesh mesh, long seed) {
        int length = Math.toIntExact(network.numParams());
        ThresholdEncoder encoder = new ThresholdEncoder(length, settings.densityFor(length), residual);
        Iterator<DataSet> order = batches.inOrder(seed + 7919L * epoch + rank);
        double lossSum = 0;
        int fitted = 0;
        int rounds = 0;
        float[] noUpdate = new float[length];
        float[] sum = new float[length];
        IterationProfile.Timer timer = new IterationProfile.Timer();
        while (rounds < iterations) {
            long start = System.nanoTime();
            float[] local = noUpdate;
            int examples = 0;
            double loss = 0;
            if (order.hasNext()) {
                DataSet batch = order.next();
                LocalUpdate computed = LocalUpdate.compute(network, batch);
                local = computed.update();
                examples = batch.numExamples();
                loss = computed.loss();
                lossSum += loss;
                fitted++;
            }
            long computed = System.nanoTime();
            byte[] message = new RoundMessage(examples, loss, encoder.encode(local)).toBytes();
            long encodedAt = System.nanoTime();
            mesh.publish(rounds, message);
            timer.addCompute(computed - start);
            timer.addEncode(encodedAt - computed);
            timer.addExchange(System.nanoTime() - encodedAt);
            OptionalDouble roundLoss = apply(rounds, mesh, network, sum, timer);
            timer.iterationDone();
            listener.iterationDone(examples, loss);
            rounds++;
            if (roundLoss.isPresent() && watch.observe(epoch + 1, rounds, roundLoss.getAsDouble())) {
                break;
            }
        }
        return WorkerOutcome.of(rank, network, encoder.residual(), watch, lossSum, fitted, rounds, mesh,
                timer);
    }

    /**
     * Collects round {@code round} and subtracts the sum of its updates from the parameters, touching only the
     * entries the updates hold. {@code sum} is all zeros before and after.
     *
     * @return the round's loss, the mean over the examples of the workers that fitted a minibatch, if any did
     */
    private static OptionalDouble apply(long round, AeronMesh mesh, ComputationGraph network, float[] sum,
            IterationProfile.Timer timer) {
        long start = System.nanoTime();
        byte[][] received = mesh.collect(round);
        long collected = System.nanoTime();
        List<SparseUpdate> updates = new ArrayList<>(received.length);
        double lossSum = 0;
        long examples = 0;
        for (byte[] bytes : received) {
            RoundMessage message = RoundMessage.fromBytes(bytes, sum.length);
            message.update().addTo(sum);
            updates.add(message.update());
            lossSum += message.loss() * message.examples();
            examples += message.examples();
        }
        INDArray parameters = network.params();
        DataBuffer data = parameters.data();
        long offset = parameters.offset();
        for (SparseUpdate update : updates) {
            for (int index : update.indices()) {
                if (sum[index] != 0) {
                    data.put(offset + index, data.getFloat(offset + index) - sum[index]);
                    sum[index] = 0;
                }
            }
        }
        timer.addExchange(collected - start);
        timer.addApply(System.nanoTime() - collected);
        return examples == 0 ? OptionalDouble.empty() : OptionalDouble.of(lossSum / examples);
    }
}
