package org.dlspark.zoo.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class KerasCnnTest extends FamilyContract {

    @Override
    protected String name() {
        return "cnn";
    }

    @Override
    protected Map<String, Object> tiny() {
        return Map.of("filters1", 2, "filters2", 2, "filters3", 2, "dense", 4);
    }

    @Override
    protected DataSet batch(ZooModel model, int size) {
        Nd4j.getRandom().setSeed(size);
        return new DataSet(Nd4j.rand(size, 1, 28, 28), oneHot(size, 10));
    }

    @Override
    protected long[] outputShape(int size) {
        return new long[] {size, 10};
    }

    @Test
    void hasTheSeedsLayersAndKerasParameterCount() {
        // Keras' model.summary() for 28x28x1 input: 320 + 18,496 + 36,928 + 36,928 (576 -> 64) + 650.
        assertEquals(93_322, ModelZoo.create("cnn").build().numParams());
    }

    static org.nd4j.linalg.api.ndarray.INDArray oneHot(int size, int classes) {
        org.nd4j.linalg.api.ndarray.INDArray labels = Nd4j.zeros(size, classes);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, i % classes, 1);
        }
        return labels;
    }
}
