package org.dlspark.quality;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.eval.DenoisingEvaluation;
import org.dlspark.train.EpochOrder;
import org.dlspark.train.IterationProgress;
import org.dlspark.zoo.cpu.NativeThreads;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Fits the denoising autoencoder in this JVM, minibatch by minibatch, in a new seeded order every epoch. */
final class LocalDenoisingFit implements DenoisingFit {

    private final ComputationGraph network;
    private final List<INDArray> train;
    private final double noiseFactor;
    private final long seed;
    private final IterationProgress progress;
    private final Random random;

    LocalDenoisingFit(ComputationGraph network, List<INDArray> train, double noiseFactor, long seed,
            IterationProgress progress) {
        this.network = network;
        this.train = List.copyOf(train);
        this.noiseFactor = noiseFactor;
        this.seed = seed;
        this.progress = progress;
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    @Override
    public double fitEpoch(int epoch) {
        NativeThreads.useConfiguredCount();
        List<INDArray> order = EpochOrder.of(train, seed, epoch);
        progress.epochStarted(epoch);
        double lossSum = 0;
        for (INDArray batch : order) {
            network.fit(new DataSet(DenoisingEvaluation.addNoise(batch, noiseFactor, random), batch));
            lossSum += network.score();
            progress.iterationDone((int) batch.size(0), network.score());
        }
        return lossSum / order.size();
    }

    @Override
    public ComputationGraph network() {
        return network;
    }

    @Override
    public void close() {
    }
}
