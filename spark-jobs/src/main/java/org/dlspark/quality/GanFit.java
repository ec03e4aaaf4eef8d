package org.dlspark.quality;

import org.dlspark.zoo.gan.GanTraining;

/** How the GAN fits one epoch: in this JVM or on Spark. */
interface GanFit extends AutoCloseable {

    /** Fits epoch {@code epoch} and returns the mean discriminator and generator losses of its steps. */
    GanTraining.Losses fitEpoch(int epoch);

    /** The training, in its current state (to generate samples from). */
    GanTraining training();

    @Override
    void close();
}
