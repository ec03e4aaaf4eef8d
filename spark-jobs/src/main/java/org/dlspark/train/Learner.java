package org.dlspark.train;

import java.util.List;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;

/**
 * How a {@link Replica} learns from one minibatch: a step of one or more fits in a fixed order, each of one of its
 * networks. A classifier or the autoencoder fits its network once ({@link NetworkLearner}); the GAN fits its
 * discriminator on real, then on generated images, then its generator through the combined graph
 * ({@link AdversarialLearner}). Every strategy runs the same steps: in one JVM and by parameter averaging each fit is
 * applied at once ({@link #fit}); gradient sharing exchanges each fit's update among the workers before the next.
 */
public interface Learner {

    /** The networks learning. */
    Replica replica();

    /** Which of the replica's networks each fit of a step fits, by position. */
    List<Integer> fitNetworks();

    /**
     * Whether the loss of a step's last fit falls as training goes, so that a loss rising far above where it started
     * means the run diverged; not so for the GAN, whose generator's loss rises as its discriminator learns.
     */
    default boolean lossFalls() {
        return true;
    }

    /**
     * What each fit of a step on {@code batch} (a minibatch as the run's {@link Objective} paired it) fits, by
     * position, asked for in order, each after the fit before it was applied.
     */
    IntFunction<DataSet> step(DataSet batch);

    /**
     * Brings networks that derive from others up to date before the fit at {@code position}: called by every worker
     * at every step, whether it has a minibatch for it or not, so that replicas stay the same.
     */
    default void beforeFit(int position) {
    }

    /** As {@link #beforeFit}, after a step's last fit. */
    default void afterStep() {
    }

    /** Runs a step on {@code batch}, each fit applied at once, and returns the loss of its last fit. */
    default double fit(DataSet batch) {
        IntFunction<DataSet> step = step(batch);
        double loss = Double.NaN;
        List<Integer> fitNetworks = fitNetworks();
        for (int position = 0; position < fitNetworks.size(); position++) {
            beforeFit(position);
            ComputationGraph network = replica().networks().get(fitNetworks.get(position));
            network.fit(step.apply(position));
            loss = network.score();
        }
        afterStep();
        return loss;
    }
}
