package org.dlspark.zoo;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * Builds a graph whose layers form one chain, each fed by the one before, named {@code name1, name2...} after
 * their role. Shared optimisation settings (updater, L2, dropout, seed) come from {@link Optimization}.
 */
public final class SequentialGraph {

    /** The name of the graph's input. */
    public static final String INPUT = "input";

    private final ComputationGraphConfiguration.GraphBuilder graph;
    private String last = INPUT;
    private int count;

    private SequentialGraph(ComputationGraphConfiguration.GraphBuilder graph) {
        this.graph = graph;
    }

    /** A chain with Glorot-uniform weights (Keras' default), optimised as {@code optimization} says. */
    public static SequentialGraph start(Optimization optimization) {
        return new SequentialGraph(optimization.networkConfiguration(WeightInit.XAVIER_UNIFORM).graphBuilder()
                .addInputs(INPUT));
    }

    /** Appends {@code layer}, fed by the previous one, under the name {@code role} plus its position. */
    public SequentialGraph add(String role, Layer layer) {
        String name = role + (++count);
        graph.addLayer(name, layer, last);
        last = name;
        return this;
    }

    /** The configuration, with the last layer as output and layer sizes inferred from {@code input}. */
    public ComputationGraphConfiguration build(InputType input) {
        return graph.setOutputs(last).setInputTypes(input).build();
    }

    /** The configuration, with the last layer as output; every layer must declare its input size. */
    public ComputationGraphConfiguration build() {
        return graph.setOutputs(last).build();
    }
}
