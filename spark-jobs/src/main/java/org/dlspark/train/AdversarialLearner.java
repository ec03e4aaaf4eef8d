package org.dlspark.train;

import java.util.List;
import java.util.function.IntFunction;
import org.dlspark.zoo.gan.GanTraining;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The GAN's learner: its replica is the combined graph (the generator with a frozen copy of the discriminator)
 * and the discriminator; each step is {@link GanTraining}'s three fits on a minibatch of real images.
 */
public final class AdversarialLearner implements Learner {

    private final Replica replica;
    private final GanTraining training;

    /**
     * @param replica the combined graph, then the discriminator
     * @param latentSize the length of the generator's noise vectors
     * @param noiseSeed seeds the noise the generator is fed
     */
    AdversarialLearner(Replica replica, int latentSize, long noiseSeed) {
        if (replica.networks().size() != 2) {
            throw new IllegalArgumentException("a GAN's replica is its combined graph and its discriminator");
        }
        this.replica = replica;
        this.training = new GanTraining(replica.model(), replica.networks().get(1), latentSize, noiseSeed);
    }

    @Override
    public Replica replica() {
        return replica;
    }

    @Override
    public List<Integer> fitNetworks() {
        return GanTraining.FIT_NETWORKS;
    }

    @Override
    public boolean lossFalls() {
        return false;
    }

    @Override
    public IntFunction<DataSet> step(DataSet batch) {
        return training.fits(batch.getFeatures());
    }

    /** Before the generator's fit, the combined graph takes the discriminator's weights. */
    @Override
    public void beforeFit(int position) {
        if (GanTraining.FIT_NETWORKS.get(position) == 0) {
            training.synchronise();
        }
    }

    /** After the step, again: the generator's fit moved the frozen copy's batch norm statistics. */
    @Override
    public void afterStep() {
        training.synchronise();
    }
}
