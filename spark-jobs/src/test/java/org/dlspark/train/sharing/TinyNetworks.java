package org.dlspark.train.sharing;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A small classifier and random minibatches for it, which the workers' tests train in milliseconds. */
final class TinyNetworks {

    private TinyNetworks() {
    }

    /** Four inputs, eight tanh units, two classes, Adam: initialised with a fixed seed. */
    static ComputationGraph network() {
        ComputationGraph network = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Adam(0.05)).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build());
        network.init();
        return network;
    }

    /** {@code count} minibatches of 8 random examples, drawn with {@code seed}. */
    static List<DataSet> batches(int count, int seed) {
        Nd4j.getRandom().setSeed(seed);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batches.add(new DataSet(Nd4j.rand(8, 4), Nd4j.eye(2).repeat(0, 4)));
        }
        return batches;
    }
}
