package org.dlspark.train.sharing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.IterationProgress;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One worker's epoch of gradient sharing. Every iteration it computes its update on its next minibatch, encodes
 * it ({@link ThresholdEncoder}) and publishes it to every other worker ({@link AeronMesh}); then it collects the
 * previous iteration's updates of all workers and subtracts their sum, added in rank order, from its parameters.
 * Every worker thus applies the same sums in the same order to the same parameters, and the replicas stay
 * identical without ever sending parameters. Applying each round one iteration late lets a worker compute while
 * its peers' messages travel, instead of waiting for the slowest worker every iteration; each update is computed
 * on parameters that lack only the previous round.
 */
final class SharingWorker {

    private final int rank;
    private final SharingSettings settings;
    private final IterationProgress progress;

    /** @param progress where worker progress goes inside the epoch, or null for none */
    SharingWorker(int rank, SharingSettings settings, IterationProgress progress) {
        this.rank = rank;
        this.settings = settings;
        this.progress = progress;
    }

    /** The work of a {@link MeshStage} that shares updates, each worker starting from its residual by rank. */
    static MeshWork work(SharingSettings settings, Broadcast<float[][]> residuals, long seed) {
        return (rank, network, epoch, batches, iterations, mesh, progress) -> new SharingWorker(rank, settings,
                progress).run(network, epoch, residuals.value()[rank], batches, iterations, mesh, seed);
    }

    /**
     * Runs {@code iterations} exchange rounds over {@code mesh}, fitting the worker's {@code batches} in a seeded
     * order; once they run out it keeps sending what its residual holds.
     *
     * @param network this worker's replica, as the driver's network stood after {@code epoch} epochs
     * @param residual what this worker left unsent in the previous epoch, or null
     */
    WorkerOutcome run(ComputationGraph network, int epoch, float[] residual, List<DataSet> batches, int iterations,
            AeronMesh mesh, long seed) {
        int length = Math.toIntExact(network.numParams());
        ThresholdEncoder encoder = new ThresholdEncoder(length, settings.density(), residual);
        List<DataSet> order = new ArrayList<>(batches);
        Collections.shuffle(order, new Random(seed + 7919L * epoch + rank));
        if (progress != null) {
            progress.epochStarted(epoch + 1);
        }
        double lossSum = 0;
        float[] noUpdate = new float[length];
        float[] sum = new float[length];
        IterationProfile.Timer timer = new IterationProfile.Timer();
        for (int iteration = 0; iteration < iterations; iteration++) {
            long start = System.nanoTime();
            float[] local = noUpdate;
            if (iteration < order.size()) {
                DataSet batch = order.get(iteration);
                LocalUpdate computed = LocalUpdate.compute(network, batch);
                local = computed.update();
                lossSum += computed.loss();
                if (progress != null) {
                    progress.iterationDone(batch.numExamples(), computed.loss());
                }
            }
            long computed = System.nanoTime();
            byte[] encoded = encoder.encode(local).toBytes();
            long encodedAt = System.nanoTime();
            mesh.publish(iteration, encoded);
            timer.addCompute(computed - start);
            timer.addEncode(encodedAt - computed);
            timer.addExchange(System.nanoTime() - encodedAt);
            if (iteration > 0) {
                apply(iteration - 1, mesh, network, sum, timer);
            }
            timer.iterationDone();
        }
        if (iterations > 0) {
            apply(iterations - 1, mesh, network, sum, timer);
        }
        return WorkerOutcome.of(rank, network, encoder.residual(), lossSum, Math.min(order.size(), iterations),
                iterations, mesh.bytesSent(), timer);
    }

    /**
     * Collects round {@code round} and subtracts the sum of its updates from the parameters, touching only the
     * entries the updates hold. {@code sum} is all zeros before and after.
     */
    private static void apply(long round, AeronMesh mesh, ComputationGraph network, float[] sum,
            IterationProfile.Timer timer) {
        long start = System.nanoTime();
        byte[][] messages = mesh.collect(round);
        long collected = System.nanoTime();
        List<SparseUpdate> updates = new ArrayList<>(messages.length);
        for (byte[] message : messages) {
            SparseUpdate update = SparseUpdate.fromBytes(message, sum.length);
            update.addTo(sum);
            updates.add(update);
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
    }
}
