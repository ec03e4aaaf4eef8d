package org.dlspark.shard;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The shape of one example's features ({@code [1, 28, 28]} for an image, {@code [maxLength]} for a token
 * sequence, which has a mask of the same shape), and its number of classes. Makes DL4J minibatches of examples.
 */
public record ExampleShape(long[] features, boolean masked, int classes) implements Serializable {

    /** A minibatch of {@code examples}: features {@code [n, ...shape]}, one-hot labels, masks where present. */
    public DataSet batch(List<Example> examples) {
        int n = examples.size();
        int length = (int) Arrays.stream(features).reduce(1, Math::multiplyExact);
        float[] x = new float[n * length];
        float[] m = masked ? new float[n * length] : null;
        float[] y = new float[n * classes];
        for (int i = 0; i < n; i++) {
            Example example = examples.get(i);
            System.arraycopy(example.features(), 0, x, i * length, length);
            if (masked) {
                System.arraycopy(example.mask(), 0, m, i * length, length);
            }
            y[i * classes + example.label()] = 1;
        }
        long[] shape = new long[features.length + 1];
        shape[0] = n;
        System.arraycopy(features, 0, shape, 1, features.length);
        INDArray labels = Nd4j.create(y, new long[] {n, classes}, 'c');
        INDArray mask = masked ? Nd4j.create(m, shape, 'c') : null;
        return new DataSet(Nd4j.create(x, shape, 'c'), labels, mask, null);
    }
}
