package org.dlspark.zoo.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.dlspark.zoo.ModelZoo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.Test;

/** The oneDNN helpers are engaged, and compute what DL4J's own layers compute. */
class OneDnnHelpersTest {

    @Test
    void nativeBuildHasOneDnnAndTheBuildEnablesHelpers() {
        assertTrue(OneDnnHelpers.active(), "helpers allowed (surefire's argLine) and ND4J's oneDNN build loaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn", "resnet"})
    void helpersGiveDl4jsOutputAndGradients(String family) {
        ComputationGraph own = withHelpers("true", () -> ModelZoo.create(family).build());
        ComputationGraph helped = withHelpers("false", () -> ModelZoo.create(family).build());
        helped.setParams(own.params());
        assertHelpers(own, false);
        assertHelpers(helped, true);

        Nd4j.getRandom().setSeed(7);
        INDArray images = Nd4j.rand(DataType.FLOAT, 32, 1, 28, 28);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 32, 10);
        for (int i = 0; i < 32; i++) {
            labels.putScalar(i, i % 10, 1);
        }
        assertClose(own.outputSingle(false, images), helped.outputSingle(false, images), "output");
        assertClose(gradient(own, images, labels), gradient(helped, images, labels), "gradient");
    }

    private static INDArray gradient(ComputationGraph network, INDArray images, INDArray labels) {
        Nd4j.getRandom().setSeed(11); // the same dropout masks for both networks
        network.setInput(0, images);
        network.setLabels(labels);
        network.computeGradientAndScore();
        return network.gradient().gradient().dup();
    }

    private static void assertHelpers(ComputationGraph network, boolean expected) {
        int checked = 0;
        for (Layer layer : network.getLayers()) {
            if (layer instanceof ConvolutionLayer || layer instanceof SubsamplingLayer
                    || layer instanceof BatchNormalization) {
                checked++;
                if (expected) {
                    assertNotNull(layer.getHelper(), layer.conf().getLayer().getLayerName() + " has no helper");
                } else {
                    assertNull(layer.getHelper(), layer.conf().getLayer().getLayerName() + " has a helper");
                }
            }
        }
        assertTrue(checked > 0, "no convolution, pooling or batch norm layer");
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-6, expected.amaxNumber().doubleValue());
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertEquals(0, difference / scale, 1e-3, what + ": largest difference " + difference + " of " + scale);
    }

    private static <T> T withHelpers(String disable, Supplier<T> build) {
        String before = System.getProperty(OneDnnHelpers.DISABLE_PROPERTY);
        System.setProperty(OneDnnHelpers.DISABLE_PROPERTY, disable);
        try {
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(OneDnnHelpers.DISABLE_PROPERTY);
            } else {
                System.setProperty(OneDnnHelpers.DISABLE_PROPERTY, before);
            }
        }
    }
}
