package org.dlspark.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KerasCnnTest {

    @Test
    void hasTheSeedsLayersAndKerasParameterCount() {
        MultiLayerNetwork network = ModelZoo.byName("cnn").build(42);
        // Keras' model.summary() for 28x28x1 input: 320 + 18,496 + 36,928 + 36,928 (3x3x64 -> 64) + 650 parameters.
        assertEquals(93_322, network.numParams());
        assertEquals(7, network.getnLayers());
    }

    @Test
    void mapsABatchOfImagesToClassProbabilities() {
        MultiLayerNetwork network = new KerasCnn().build(1);
        INDArray output = network.output(Nd4j.rand(3, 1, 28, 28));
        assertArrayEquals(new long[] {3, 10}, output.shape());
        INDArray rowSums = output.sum(1);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, rowSums.getDouble(i), 1e-4);
        }
    }

    @Test
    void sameSeedGivesSameWeights() {
        assertEquals(new KerasCnn().build(7).params(), new KerasCnn().build(7).params());
    }

    @Test
    void unknownNameIsRefusedWithTheKnownNames() {
        UnknownModelException error = assertThrows(UnknownModelException.class, () -> ModelZoo.byName("vgg"));
        assertTrue(error.getMessage().contains("'vgg'"), error.getMessage());
        assertTrue(error.getMessage().contains("cnn"), error.getMessage());
    }

    @Test
    void nonPositiveLearningRateIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new KerasCnn(0));
        assertTrue(error.getMessage().contains("learningRate"), error.getMessage());
    }
}
