package org.dlspark.zoo.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ConvAutoencoderTest extends FamilyContract {

    @Override
    protected String name() {
        return "autoencoder";
    }

    @Override
    protected Map<String, Object> tiny() {
        return Map.of("filters1", 4, "filters2", 4);
    }

    /** Images an autoencoder can learn: a bright 8x8 square on black, at a place that depends on the example. */
    @Override
    protected DataSet batch(ZooModel model, int size) {
        INDArray clean = Nd4j.zeros(size, 1, 28, 28);
        for (int i = 0; i < size; i++) {
            int top = (i * 5) % 20;
            int left = (i * 11) % 20;
            clean.get(NDArrayIndex.point(i), NDArrayIndex.point(0), NDArrayIndex.interval(top, top + 8),
                    NDArrayIndex.interval(left, left + 8)).assign(1);
        }
        return new DataSet(clean, clean);
    }

    @Override
    protected long[] outputShape(int size) {
        return new long[] {size, 1, 28, 28};
    }

    @Test
    void theFixedDecoderRestoresTheInputSize() {
        Map<String, INDArray> activations = ModelZoo.create("autoencoder").build()
                .feedForward(Nd4j.rand(1, 1, 28, 28), false);
        assertArrayEquals(new long[] {1, 8, 7, 7}, activations.get("pool4").shape());
        assertArrayEquals(new long[] {1, 16, 14, 14}, activations.get("decode5").shape());
        assertArrayEquals(new long[] {1, 8, 28, 28}, activations.get("decode6").shape());
        assertArrayEquals(new long[] {1, 1, 28, 28}, activations.get("decode7").shape());
    }
}
