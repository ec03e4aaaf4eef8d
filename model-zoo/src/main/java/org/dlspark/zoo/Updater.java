package org.dlspark.zoo;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/** The optimisers a model can be trained with; constants follow Keras' defaults. */
public enum Updater {
    ADAM, RMSPROP, SGD, NESTEROVS;

    /** DL4J's updater for this optimiser at {@code learningRate}. */
    public IUpdater create(double learningRate) {
        return switch (this) {
            case ADAM -> new Adam(learningRate, 0.9, 0.999, 1e-7);
            case RMSPROP -> new RmsProp(learningRate, 0.9, 1e-7);
            case SGD -> new Sgd(learningRate);
            case NESTEROVS -> new Nesterovs(learningRate, 0.9);
        };
    }
}
