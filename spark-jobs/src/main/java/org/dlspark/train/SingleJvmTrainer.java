package org.dlspark.train;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.cpu.NativeThreads;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains in this JVM, without Spark: the reference that distributed training is compared with, and the way to
 * check a model's quality without a cluster. Minibatches are visited in a new order every epoch, seeded by the run's
 * seed and the epoch.
 */
public final class SingleJvmTrainer extends EpochTrainer {

    private final ComputationGraph network;
    private final Batches batches;
    private final long seed;
    private final IterationProgress progress;
    private double lastLoss;

    /**
     * Trains {@code network} on {@code batches}, reporting progress inside each epoch to {@code progress}.
     */
    public SingleJvmTrainer(ComputationGraph network, Batches batches, long seed, IterationProgress progress) {
        this.network = network;
        this.progress = progress;
        this.batches = batches;
        this.seed = seed;
    }

    @Override
    protected void fitEpoch(int epoch) {
        NativeThreads.useConfiguredCount();
        List<DataSet> order = EpochOrder.of(batches.train(), seed, epoch);
        progress.epochStarted(epoch);
        double lossSum = 0;
        for (DataSet batch : order) {
            network.fit(batch);
            lossSum += network.score();
            progress.iterationDone(batch.numExamples(), network.score());
        }
        lastLoss = lossSum / order.size();
    }

    @Override
    protected double lastLoss() {
        return lastLoss;
    }

    @Override
    protected Evaluation evaluate(EvaluationSet set, Evaluation evaluation) {
        return network.doEvaluation(new ListDataSetIterator<>(batches.of(set)), evaluation)[0];
    }

    @Override
    protected ComputationGraph network() {
        return network;
    }
}
