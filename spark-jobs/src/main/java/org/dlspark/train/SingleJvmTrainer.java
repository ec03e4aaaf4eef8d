package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.dlspark.zoo.cpu.NativeThreads;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains in this JVM, without Spark: the reference that distributed training is compared with, and the way to
 * check a model's quality without a cluster. Minibatches are visited in a new order every epoch, seeded by the run's
 * seed and the epoch, and turned into what the network fits by the {@link Objective} with seeds of the epoch and
 * the minibatch's place.
 */
public final class SingleJvmTrainer extends EpochTrainer {

    private final Replica replica;
    private final Batches batches;
    private final Objective objective;
    private final long seed;
    private final IterationProgress progress;
    private double lastLoss;

    /**
     * Trains {@code replica} on {@code batches} as {@code objective} says, reporting progress inside each epoch to
     * {@code progress}.
     */
    public SingleJvmTrainer(Replica replica, Batches batches, Objective objective, long seed,
            IterationProgress progress) {
        this.replica = replica;
        this.progress = progress;
        this.batches = batches;
        this.objective = objective;
        this.seed = seed;
    }

    @Override
    protected void fitEpoch(int epoch) {
        NativeThreads.useConfiguredCount();
        List<DataSet> order = EpochOrder.of(batches.train(), seed, epoch);
        progress.epochStarted(epoch);
        double lossSum = 0;
        long pairSeed = PairSeeds.ofEpoch(seed, epoch, 0);
        Learner learner = objective.learner(replica, PairSeeds.ofLearner(seed, epoch, 0));
        for (int i = 0; i < order.size(); i++) {
            DataSet batch = objective.pair(order.get(i), pairSeed + i);
            double loss = learner.fit(batch);
            lossSum += loss;
            progress.iterationDone(batch.numExamples(), loss);
        }
        lastLoss = lossSum / order.size();
    }

    @Override
    protected double lastLoss() {
        return lastLoss;
    }

    @Override
    protected <T extends IEvaluation<?>> T evaluate(EvaluationSet set, T evaluation) {
        List<DataSet> evaluated = batches.of(set);
        List<DataSet> pairs = new ArrayList<>(evaluated.size());
        long pairSeed = PairSeeds.ofEvaluation(seed, 0);
        for (int i = 0; i < evaluated.size(); i++) {
            pairs.add(objective.evaluationPair(evaluated.get(i), pairSeed + i));
        }
        return replica.model().doEvaluation(new ListDataSetIterator<>(pairs), evaluation)[0];
    }

    @Override
    protected Objective objective() {
        return objective;
    }

    @Override
    protected Replica replica() {
        return replica;
    }
}
