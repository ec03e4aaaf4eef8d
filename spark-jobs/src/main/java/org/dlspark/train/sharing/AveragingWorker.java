package org.dlspark.train.sharing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.Learner;
import org.dlspark.train.Replica;
import org.dlspark.train.WorkerBatches;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One worker's epoch of parameter averaging. The worker's {@link Learner} fits {@code frequency} minibatches with its
 * own updaters, then all workers average the parameters and updater states of every network of their replicas,
 * weighted by the minibatches each fitted in the round, and go on from the average. The average is computed without a parameter server, in two exchanges over the
 * {@link AeronMesh} (a reduce-scatter, then an all-gather): the state vector is cut into one slice per worker;
 * each worker sends every other its slice, averages the slice it owns from what it receives, in rank order, and
 * sends the averaged slice to all. A worker thus sends and receives twice {@code (n - 1) / n} of the state per
 * round whatever the number of workers, and every replica ends each round with the same bits.
 */
final class AveragingWorker {

    private final int rank;
    private final int frequency;
    private final IterationListener listener;
    private final IterationProfile.Timer timer = new IterationProfile.Timer();

    /** @param listener hears each iteration the worker finishes */
    AveragingWorker(int rank, int frequency, IterationListener listener) {
        this.rank = rank;
        this.frequency = frequency;
        this.listener = listener;
    }

    /** The work of a {@link MeshStage} that averages every {@code frequency} minibatches. */
    static MeshWork work(int frequency, long seed) {
        return (rank, learner, epoch, batches, iterations, mesh, listener) ->
                new AveragingWorker(rank, frequency, listener).run(learner, epoch, batches, iterations, mesh, seed);
    }

    /**
     * Fits the worker's {@code batches} in a seeded order, averaging after every {@code frequency} iterations and
     * after the last; once its own minibatches run out it takes part in the averaging with weight 0.
     *
     * @param learner how this worker's replica learns, the replica as the driver's stood after {@code epoch} epochs
     */
    WorkerOutcome run(Learner learner, int epoch, WorkerBatches batches, int iterations, AeronMesh mesh,
            long seed) {
        Iterator<DataSet> order = batches.inOrder(seed + 7919L * rank + epoch);
        double lossSum = 0;
        int fitted = 0;
        for (int first = 0, round = 0; first < iterations; first += frequency, round++) {
            int fittedInRound = 0;
            for (int iteration = first; iteration < Math.min(first + frequency, iterations); iteration++) {
                long start = System.nanoTime();
                int examples = 0;
                double loss = 0;
                if (order.hasNext()) {
                    DataSet batch = order.next();
                    loss = learner.fit(batch);
                    lossSum += loss;
                    fittedInRound++;
                    examples = batch.numExamples();
                }
                timer.addCompute(System.nanoTime() - start);
                timer.iterationDone();
                listener.iterationDone(examples, loss);
            }
            average(round, fittedInRound, learner.replica(), mesh);
            fitted += fittedInRound;
        }
        return WorkerOutcome.of(rank, learner.replica(), null, null, lossSum, fitted, iterations, mesh, timer);
    }

    /**
     * Replaces the parameters and updater states of the replica's networks by the workers' average, weighted by
     * {@code weight}.
     */
    private void average(long round, int weight, Replica replica, AeronMesh mesh) {
        long start = System.nanoTime();
        List<INDArray> views = views(replica);
        float[] state = concatenate(views);
        int workers = mesh.workers();
        byte[][] shares = new byte[workers][];
        for (int owner = 0; owner < workers; owner++) {
            shares[owner] = share(weight, state, from(owner, state.length, workers), from(owner + 1, state.length,
                    workers));
        }
        long encoded = System.nanoTime();
        mesh.publish(2 * round, owner -> shares[owner]);
        byte[][] received = mesh.collect(2 * round);
        long scattered = System.nanoTime();
        byte[] averaged = averageOf(received);
        long reduced = System.nanoTime();
        mesh.publish(2 * round + 1, averaged);
        byte[][] slices = mesh.collect(2 * round + 1);
        long gathered = System.nanoTime();
        for (int owner = 0; owner < workers; owner++) {
            ByteBuffer.wrap(slices[owner]).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
                    .get(state, from(owner, state.length, workers), slices[owner].length / Float.BYTES);
        }
        int from = 0;
        for (INDArray view : views) {
            int to = from + Math.toIntExact(view.length());
            view.assign(Nd4j.create(Arrays.copyOfRange(state, from, to), view.shape()));
            from = to;
        }
        long applied = System.nanoTime();
        timer.addEncode(encoded - start);
        timer.addExchange(scattered - encoded + gathered - reduced);
        timer.addApply(reduced - scattered + applied - gathered);
    }

    /** Where worker {@code owner}'s slice of a state of {@code length} entries starts. */
    static int from(int owner, int length, int workers) {
        return (int) ((long) length * owner / workers);
    }

    /** Every network's parameters and updater state, in the replica's order: what the workers average. */
    private static List<INDArray> views(Replica replica) {
        List<INDArray> views = new ArrayList<>();
        for (ComputationGraph network : replica.networks()) {
            views.add(network.params());
            INDArray updaterState = network.getUpdater().getStateViewArray();
            if (updaterState != null) {
                views.add(updaterState);
            }
        }
        return views;
    }

    private static float[] concatenate(List<INDArray> views) {
        float[] state = new float[Math.toIntExact(views.stream().mapToLong(INDArray::length).sum())];
        int from = 0;
        for (INDArray view : views) {
            float[] values = view.toFloatVector();
            System.arraycopy(values, 0, state, from, values.length);
            from += values.length;
        }
        return state;
    }

    /** A worker's weight followed by entries {@code from} to {@code to} of its state. */
    private static byte[] share(int weight, float[] state, int from, int to) {
        ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES + (to - from) * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(weight);
        bytes.asFloatBuffer().put(state, from, to - from);
        return bytes.array();
    }

    /** The weighted average of every worker's share of this worker's slice, added in rank order. */
    private static byte[] averageOf(byte[][] shares) {
        int length = (shares[0].length - Integer.BYTES) / Float.BYTES;
        double[] sum = new double[length];
        long weights = 0;
        float[] values = new float[length];
        for (byte[] share : shares) {
            ByteBuffer bytes = ByteBuffer.wrap(share).order(ByteOrder.LITTLE_ENDIAN);
            int weight = bytes.getInt();
            if (weight == 0) {
                continue;
            }
            bytes.asFloatBuffer().get(values);
            for (int i = 0; i < length; i++) {
                sum[i] += (double) weight * values[i];
            }
            weights += weight;
        }
        ByteBuffer averaged = ByteBuffer.allocate(length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < length; i++) {
            averaged.putFloat((float) (sum[i] / weights));
        }
        return averaged.array();
    }
}
