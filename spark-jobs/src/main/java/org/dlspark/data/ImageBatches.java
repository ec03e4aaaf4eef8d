package org.dlspark.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Turns labelled images into DL4J minibatches: pixels scaled to [0, 1] as NCHW features, one-hot labels. */
public final class ImageBatches {

    private ImageBatches() {
    }

    /**
     * Splits the first {@code limit} images into minibatches of {@code batchSize} (the last may be smaller), in an
     * order shuffled by {@code shuffleSeed}, or in file order when {@code shuffleSeed} is null.
     */
    public static List<DataSet> of(LabelledImages data, int batchSize, int limit, Long shuffleSeed) {
        int count = Math.min(limit, data.size());
        int[] order = order(data.size(), shuffleSeed);
        List<DataSet> batches = new ArrayList<>((count + batchSize - 1) / batchSize);
        for (int start = 0; start < count; start += batchSize) {
            batches.add(batch(data, order, start, Math.min(batchSize, count - start)));
        }
        return batches;
    }

    private static int[] order(int size, Long shuffleSeed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        if (shuffleSeed != null) {
            Random random = new Random(shuffleSeed);
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
        }
        return order;
    }

    private static DataSet batch(LabelledImages data, int[] order, int start, int size) {
        IdxImages images = data.images();
        int pixels = images.pixelsPerImage();
        float[] features = new float[size * pixels];
        float[] labels = new float[size * data.classes()];
        for (int row = 0; row < size; row++) {
            int image = order[start + row];
            int offset = image * pixels;
            for (int p = 0; p < pixels; p++) {
                features[row * pixels + p] = Byte.toUnsignedInt(images.pixels()[offset + p]) / 255f;
            }
            labels[row * data.classes() + data.label(image)] = 1f;
        }
        INDArray x = Nd4j.create(features, new long[] {size, 1, images.rows(), images.cols()}, 'c');
        INDArray y = Nd4j.create(labels, new long[] {size, data.classes()}, 'c');
        return new DataSet(x, y);
    }
}
