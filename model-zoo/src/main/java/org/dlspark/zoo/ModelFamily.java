package org.dlspark.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * One architecture family of the zoo. {@code A} is the family's record of architecture hyperparameters (sizes),
 * validated in its constructor with errors that name the key.
 */
public interface ModelFamily<A extends Record> {

    /** The registry name users type, e.g. {@code lstm}. */
    String name();

    /** One line on what the family is. */
    String description();

    /** What the family is trained to do. */
    Task task();

    /** The record type of the architecture hyperparameters. */
    Class<A> architectureType();

    /** The default architecture. */
    A defaultArchitecture();

    /** The default optimisation hyperparameters. */
    Optimization defaultOptimization();

    /** The epochs and minibatch size a training job uses unless told otherwise. */
    TrainingDefaults defaultTraining();

    /** The input that a network of this architecture takes. */
    InputSpec input(A architecture);

    /** The DL4J graph configuration of this architecture, optimised as {@code optimization} says. */
    ComputationGraphConfiguration configure(A architecture, Optimization optimization);

    /**
     * Unsupervised pretraining before supervised training, for families that have one (the deep belief network);
     * others do nothing.
     *
     * @param network a network built from this architecture, updated in place
     * @param seed seeds the pretraining's sampling
     * @param inputs the training inputs, in this JVM or spread over workers
     */
    default void pretrain(A architecture, ComputationGraph network, long seed, DataParallel inputs) {
    }
}
