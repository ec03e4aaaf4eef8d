package org.dlspark.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** A model family with its hyperparameters fixed: what a job trains. Built by {@link ModelZoo#create}. */
public final class ZooModel {

    private final ModelFamily<Record> family;
    private final Record architecture;
    private final Optimization optimization;

    <A extends Record> ZooModel(ModelFamily<A> family, A architecture, Optimization optimization) {
        @SuppressWarnings("unchecked")
        ModelFamily<Record> erased = (ModelFamily<Record>) family;
        this.family = erased;
        this.architecture = architecture;
        this.optimization = optimization;
    }

    /** The family's registry name. */
    public String name() {
        return family.name();
    }

    /** One line on what the family is. */
    public String description() {
        return family.description();
    }

    /** What the model is trained to do. */
    public Task task() {
        return family.task();
    }

    /** The input the model takes. */
    public InputSpec input() {
        return family.input(architecture);
    }

    /** The architecture hyperparameters (the family's record). */
    public Record architecture() {
        return architecture;
    }

    /** The optimisation hyperparameters. */
    public Optimization optimization() {
        return optimization;
    }

    /** The epochs and minibatch size a training job uses unless told otherwise. */
    public TrainingDefaults defaultTraining() {
        return family.defaultTraining();
    }

    /** The DL4J configuration. */
    public ComputationGraphConfiguration configuration() {
        return family.configure(architecture, optimization);
    }

    /** Unsupervised pretraining of {@code network} where the family has one (see {@link ModelFamily#pretrain}). */
    public void pretrain(ComputationGraph network, DataParallel inputs) {
        family.pretrain(architecture, network, optimization.seed(), inputs);
    }

    /** A new network with initialised weights. */
    public ComputationGraph build() {
        ComputationGraph graph = new ComputationGraph(configuration());
        graph.init();
        return graph;
    }
}
