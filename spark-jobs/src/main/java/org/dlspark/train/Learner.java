package org.dlspark.train;

import java.util.List;
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

    /** What one step fits, asked for fit by fit. */
    interface Step {

        /** What the fit at {@code position} fits; asked for after the fit before it was applied. */
        DataSet data(int position);

        /** Called once the step's last fit was applied. */
        void done();
    }

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

    /** Starts a step on {@code batch}, a minibatch as the run's {@link Objective} paired it. */
    Step step(DataSet batch);

    /** Runs a step on {@code batch}, each fit applied at once, and returns the loss of its last fit. */
    default double fit(DataSet batch) {
        Step step = step(batch);
        double loss = Double.NaN;
        List<Integer> fitNetworks = fitNetworks();
        for (int position = 0; position < fitNetworks.size(); position++) {
            ComputationGraph network = replica().networks().get(fitNetworks.get(position));
            network.fit(step.data(position));
            loss = network.score();
        }
        step.done();
        return loss;
    }
}
