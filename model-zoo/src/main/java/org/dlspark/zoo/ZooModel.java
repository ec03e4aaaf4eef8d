package org.dlspark.zoo;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** One network architecture of the zoo: a name, what it is for, and how to configure it. */
public interface ZooModel {

    /** The registry name users type, e.g. {@code cnn}. */
    String name();

    /** One line on what the architecture is. */
    String description();

    /** The DL4J configuration, with weights initialised from {@code seed}. */
    MultiLayerConfiguration configuration(long seed);

    /** A new, initialised network of this architecture. */
    default MultiLayerNetwork build(long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(seed));
        network.init();
        return network;
    }
}
