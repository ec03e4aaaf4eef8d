package org.dlspark.train.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.IterationProgress;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One worker's epoch of gradient sharing. Every iteration it computes its update on its next minibatch, encodes
 * it ({@link ThresholdEncoder}), exchanges the encoded updates with every other worker ({@link AeronMesh}) and
 * subtracts the sum of all of them, added in rank order, from its parameters. Every worker thus applies the same
 * sum to the same parameters, and the replicas stay identical without ever sending parameters.
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

    /**
     * Runs {@code iterations} exchange rounds over {@code mesh}, fitting the worker's {@code batches} in a seeded
     * order; once they run out it keeps sending what its residual holds.
     *
     * @param residual what this worker left unsent in the previous epoch, or null
     */
    WorkerOutcome run(NetworkState state, float[] residual, List<DataSet> batches, int iterations, AeronMesh mesh,
            long seed) {
        ComputationGraph network = state.restore();
        int length = Math.toIntExact(network.numParams());
        ThresholdEncoder encoder = new ThresholdEncoder(length, settings.density(), residual);
        List<DataSet> order = new ArrayList<>(batches);
        Collections.shuffle(order, new Random(seed + 7919L * state.epoch() + rank));
        if (progress != null) {
            progress.epochStarted(state.epoch() + 1);
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
            byte[][] messages = mesh.exchange(iteration, encoded);
            long exchanged = System.nanoTime();
            Arrays.fill(sum, 0);
            for (byte[] message : messages) {
                SparseUpdate.fromBytes(message, length).addTo(sum);
            }
            network.params().subi(Nd4j.createFromArray(sum));
            long applied = System.nanoTime();
            timer.addCompute(computed - start);
            timer.addEncode(encodedAt - computed);
            timer.addExchange(exchanged - encodedAt);
            timer.addApply(applied - exchanged);
            timer.iterationDone();
        }
        float[] parameters = network.params().toFloatVector();
        return new WorkerOutcome(rank, rank == 0 ? network.params().dup() : null, Arrays.hashCode(parameters),
                network.getUpdater().getStateViewArray().dup(), encoder.residual(), lossSum,
                Math.min(order.size(), iterations), iterations, mesh.bytesSent(), timer);
    }
}
