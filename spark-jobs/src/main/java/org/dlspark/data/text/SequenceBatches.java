package org.dlspark.data.text;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns token-index sequences into DL4J minibatches: features {@code [batch, maxLength]} of indices, padded with
 * {@link Vocabulary#PADDING} or truncated to their first {@code maxLength} tokens, a features mask of the same
 * shape (1 for real tokens), and one-hot labels.
 */
public final class SequenceBatches {

    /**
     * One encoded document.
     *
     * @param indices its token indices, any length
     * @param label its class index
     */
    public record Encoded(int[] indices, int label) {
    }

    private SequenceBatches() {
    }

    /** Minibatches of {@code batchSize} documents (the last may be smaller), in the given order. */
    public static List<DataSet> of(List<Encoded> documents, int maxLength, int classes, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        for (int start = 0; start < documents.size(); start += batchSize) {
            batches.add(batch(documents.subList(start, Math.min(documents.size(), start + batchSize)), maxLength,
                    classes));
        }
        return batches;
    }

    /**
     * Writes {@code indices}, truncated or padded with {@link Vocabulary#PADDING} to {@code maxLength}, into
     * {@code features} from {@code offset}, and 1 into {@code mask} for each real token. An empty document keeps one
     * (padding) step unmasked, so that every example has a time step to read.
     */
    public static void pad(int[] indices, int maxLength, float[] features, float[] mask, int offset) {
        int length = Math.max(1, Math.min(maxLength, indices.length));
        for (int t = 0; t < length; t++) {
            features[offset + t] = t < indices.length ? indices[t] : Vocabulary.PADDING;
            mask[offset + t] = 1;
        }
    }

    /** One minibatch of {@code documents}. */
    public static DataSet batch(List<Encoded> documents, int maxLength, int classes) {
        int size = documents.size();
        float[] features = new float[size * maxLength];
        float[] mask = new float[size * maxLength];
        float[] labels = new float[size * classes];
        for (int row = 0; row < size; row++) {
            Encoded document = documents.get(row);
            pad(document.indices(), maxLength, features, mask, row * maxLength);
            labels[row * classes + document.label()] = 1;
        }
        INDArray x = Nd4j.create(features, new long[] {size, maxLength}, 'c');
        INDArray m = Nd4j.create(mask, new long[] {size, maxLength}, 'c');
        INDArray y = Nd4j.create(labels, new long[] {size, classes}, 'c');
        return new DataSet(x, y, m, null);
    }
}
