package org.dlspark.quality;

import org.dlspark.zoo.gan.GanTraining;
import org.dlspark.zoo.gan.GeneratorAverage;

/** How the GAN fits one epoch: in this JVM or on Spark. */
interface GanFit extends AutoCloseable {

    /** Fits epoch {@code epoch} and returns the mean discriminator and generator losses of its steps. */
    GanTraining.Losses fitEpoch(int epoch);

    /** The training, in its current state. */
    GanTraining training();

    /** The moving average of the generator that the fit keeps up to date: the generator to draw samples from. */
    GeneratorAverage average();

    @Override
    void close();
}
