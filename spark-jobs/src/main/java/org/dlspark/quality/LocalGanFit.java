package org.dlspark.quality;

import java.util.List;
import org.dlspark.train.EpochOrder;
import org.dlspark.train.IterationProgress;
import org.dlspark.zoo.cpu.NativeThreads;
import org.dlspark.zoo.gan.GanTraining;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fits the GAN in this JVM, one discriminator and one generator step per minibatch, in a seeded order per epoch. */
final class LocalGanFit implements GanFit {

    private final GanTraining training;
    private final List<INDArray> train;
    private final long seed;
    private final IterationProgress progress;

    LocalGanFit(GanTraining training, List<INDArray> train, long seed, IterationProgress progress) {
        this.training = training;
        this.train = List.copyOf(train);
        this.seed = seed;
        this.progress = progress;
    }

    @Override
    public GanTraining.Losses fitEpoch(int epoch) {
        NativeThreads.useConfiguredCount();
        List<INDArray> order = EpochOrder.of(train, seed, epoch);
        progress.epochStarted(epoch);
        double discriminatorLoss = 0;
        double generatorLoss = 0;
        for (INDArray batch : order) {
            GanTraining.Losses losses = training.step(batch);
            discriminatorLoss += losses.discriminator();
            generatorLoss += losses.generator();
            progress.iterationDone((int) batch.size(0), losses.generator());
        }
        return new GanTraining.Losses(discriminatorLoss / order.size(), generatorLoss / order.size());
    }

    @Override
    public GanTraining training() {
        return training;
    }

    @Override
    public void close() {
    }
}
