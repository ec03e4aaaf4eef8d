package org.dlspark.zoo.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class MinibatchStddevTest {

    private static ComputationGraph graph() {
        ComputationGraphConfiguration configuration = new NeuralNetConfiguration.Builder().seed(3)
                .dataType(DataType.DOUBLE).updater(new NoOp()).convolutionMode(ConvolutionMode.Same).graphBuilder()
                .addInputs("image")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(2).activation(Activation.TANH).build(),
                        "image")
                .addLayer("variety", new MinibatchStddev.Builder().build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "variety")
                .setOutputs("out").setInputTypes(InputType.convolutional(4, 4, 1)).build();
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        return graph;
    }

    @Test
    void appendsTheMeanStandardDeviationAcrossTheBatchAsAChannel() {
        ComputationGraph graph = graph();
        INDArray images = Nd4j.rand(DataType.DOUBLE, 3, 1, 4, 4);
        INDArray maps = graph.feedForward(images, false).get("conv");
        INDArray out = graph.feedForward(images, false).get("variety");
        assertArrayEquals(new long[] {3, 3, 4, 4}, out.shape());
        assertEquals(maps, out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2), NDArrayIndex.all(),
                NDArrayIndex.all()));
        double expected = 0;
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    double mean = 0;
                    double square = 0;
                    for (int b = 0; b < 3; b++) {
                        mean += maps.getDouble(b, c, y, x) / 3;
                        square += maps.getDouble(b, c, y, x) * maps.getDouble(b, c, y, x) / 3;
                    }
                    expected += Math.sqrt(square - mean * mean + MinibatchStddevLayer.EPSILON) / 32;
                }
            }
        }
        INDArray extra = out.get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.all());
        assertEquals(expected, extra.minNumber().doubleValue(), 1e-9);
        assertEquals(expected, extra.maxNumber().doubleValue(), 1e-9);
    }

    @Test
    void aBatchOfIdenticalExamplesGivesAFiniteNearZeroChannel() {
        INDArray same = Nd4j.rand(DataType.DOUBLE, 1, 1, 4, 4).repeat(0, 4);
        INDArray out = graph().feedForward(same, false).get("variety");
        double extra = out.getDouble(0, 2, 0, 0);
        assertTrue(Double.isFinite(extra) && extra < 1e-3, "extra channel " + extra);
    }

    @Test
    void passesDl4jsGradientCheck() {
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ComputationGraph graph = graph();
            INDArray images = Nd4j.rand(DataType.DOUBLE, 5, 1, 4, 4);
            INDArray labels = Nd4j.zeros(DataType.DOUBLE, 5, 2);
            for (int i = 0; i < 5; i++) {
                labels.putScalar(i, i % 2, 1);
            }
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                    .inputs(new INDArray[] {images}).labels(new INDArray[] {labels})
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)));
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }
}
