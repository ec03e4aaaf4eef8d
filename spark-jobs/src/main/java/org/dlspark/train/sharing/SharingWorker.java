package org.dlspark.train.sharing;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.Learner;
import org.dlspark.train.WorkerBatches;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One worker's epoch of gradient sharing. Every iteration it computes its update on its next minibatch, encodes
 * it ({@link ThresholdEncoder}) and sums it with every other worker's over the {@link AeronMesh}
 * ({@link UpdateExchange}): in about log2(n) pairwise exchanges whose partial sums are cut to the encoder's entries
 * per update ({@link SparseAllReduce}), or, where that is cheaper, by a ring of whole updates
 * ({@link DenseRingAllReduce}); then it subtracts the sum from its parameters before it computes the next. Every
 * worker thus applies the same sum to the same parameters, and the replicas stay identical without ever sending
 * parameters, while each worker's traffic grows with log2(n), not with n.
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
     * The work of a {@link MeshStage} that shares updates, each worker starting from its residuals by rank and
     * from the run's divergence watch as the previous epoch left it.
     */
    static MeshWork work(SharingSettings settings, Broadcast<float[][][]> residuals, Broadcast<DivergenceWatch> watch,
            long seed) {
        return (rank, learner, epoch, batches, iterations, mesh, listener) -> new SharingWorker(rank, settings,
                listener).run(learner, epoch, residuals.value()[rank], watch.value().copy(), batches, iterations,
                mesh, seed);
    }

    /**
     * Runs {@code iterations} steps over {@code mesh}, fitting the worker's {@code batches} in a seeded order; each
     * fit of a step ({@link Learner#fitNetworks()}: one for most families, three for the GAN) is an exchange round
     * of the network it fits, with that network's own residual. Once its minibatches run out the worker keeps
     * sending what its residuals hold. It stops early, with every other worker, when {@code watch} finds the run
     * diverged (for learners whose loss falls).
     *
     * @param learner how this worker's replica learns, the replica as the driver's stood after {@code epoch} epochs
     * @param residuals what this worker left unsent in the previous epoch, per network, or null
     */
    WorkerOutcome run(Learner learner, int epoch, float[][] residuals, DivergenceWatch watch, WorkerBatches batches,
            int iterations, AeronMesh mesh, long seed) {
        List<ComputationGraph> networks = learner.replica().networks();
        List<Integer> fitNetworks = learner.fitNetworks();
        ThresholdEncoder[] encoders = new ThresholdEncoder[networks.size()];
        UpdateExchange[] exchanges = new UpdateExchange[networks.size()];
        float[][] noUpdates = new float[networks.size()][];
        for (int i = 0; i < encoders.length; i++) {
            int length = Math.toIntExact(networks.get(i).numParams());
            exchanges[i] = UpdateExchange.cheapest(rank, mesh.workers(), length, settings.densityFor(length));
            double density = exchanges[i] instanceof DenseRingAllReduce ? DenseRingAllReduce.DENSITY
                    : settings.densityFor(length);
            encoders[i] = new ThresholdEncoder(length, density, residuals == null ? null : residuals[i]);
            noUpdates[i] = new float[length];
        }
        Iterator<DataSet> order = batches.inOrder(seed + 7919L * epoch + rank);
        double lossSum = 0;
        int fitted = 0;
        int steps = 0;
        long round = 0;
        IterationProfile.Timer timer = new IterationProfile.Timer();
        while (steps < iterations) {
            DataSet batch = order.hasNext() ? order.next() : null;
            IntFunction<DataSet> step = batch == null ? null : learner.step(batch);
            double loss = 0;
            OptionalDouble roundLoss = OptionalDouble.empty();
            for (int position = 0; position < fitNetworks.size(); position++) {
                int index = fitNetworks.get(position);
                ComputationGraph network = networks.get(index);
                long start = System.nanoTime();
                learner.beforeFit(position);
                float[] local = noUpdates[index];
                int examples = 0;
                if (step != null) {
                    DataSet data = step.apply(position);
                    LocalUpdate computed = LocalUpdate.compute(network, data);
                    local = computed.update();
                    examples = data.numExamples();
                    loss = computed.loss();
                }
                long computed = System.nanoTime();
                RoundMessage message = new RoundMessage(examples, loss, encoders[index].encode(local));
                long encodedAt = System.nanoTime();
                RoundMessage sum = exchanges[index].reduce(round, message, mesh, encoders[index]);
                round += exchanges[index].rounds();
                long reducedAt = System.nanoTime();
                subtract(sum.update(), network);
                timer.addCompute(computed - start);
                timer.addEncode(encodedAt - computed);
                timer.addExchange(reducedAt - encodedAt);
                timer.addApply(System.nanoTime() - reducedAt);
                roundLoss = sum.examples() == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum.loss());
            }
            learner.afterStep();
            if (step != null) {
                lossSum += loss;
                fitted++;
            }
            timer.iterationDone();
            listener.iterationDone(batch == null ? 0 : batch.numExamples(), loss);
            steps++;
            if (learner.lossFalls() && roundLoss.isPresent()
                    && watch.observe(epoch + 1, steps, roundLoss.getAsDouble())) {
                break;
            }
        }
        float[][] left = new float[encoders.length][];
        for (int i = 0; i < encoders.length; i++) {
            left[i] = encoders[i].residual();
        }
        return WorkerOutcome.of(rank, learner.replica(), left, watch, lossSum, fitted, steps, mesh, timer);
    }

    /** Subtracts the workers' summed update from {@code network}'s parameters, touching only its entries. */
    private static void subtract(SparseUpdate sum, ComputationGraph network) {
        INDArray parameters = network.params();
        DataBuffer data = parameters.data();
        long offset = parameters.offset();
        for (int i = 0; i < sum.size(); i++) {
            long at = offset + sum.indices()[i];
            data.put(at, data.getFloat(at) - sum.values()[i]);
        }
    }
}
