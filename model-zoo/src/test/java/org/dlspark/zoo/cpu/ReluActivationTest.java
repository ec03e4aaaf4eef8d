package org.dlspark.zoo.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluActivationTest {

    @Test
    void givesDl4jsReluAndItsGradientZerosIncluded() {
        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.randn(DataType.FLOAT, 8, 5, 6, 6);
        input.putScalar(0, 0f);
        input.putScalar(1, -0f);
        INDArray epsilon = Nd4j.randn(DataType.FLOAT, 8, 5, 6, 6);

        assertEquals(new ActivationReLU().getActivation(input.dup(), true),
                new ReluActivation().getActivation(input.dup(), true));
        assertEquals(new ActivationReLU().backprop(input.dup(), epsilon.dup()).getFirst(),
                new ReluActivation().backprop(input.dup(), epsilon.dup()).getFirst());
    }
}
