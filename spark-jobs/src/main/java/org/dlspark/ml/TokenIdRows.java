package org.dlspark.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.dlspark.data.text.SequenceBatches;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Turns arrays of token ids into the input of a sequence classifier: each id is a row of the embedding, the first
 * {@code maxLength} are kept and padded, with a mask of the real tokens. The ids are the user's own (from a
 * tokenizer and vocabulary outside DLSpark); they must lie in {@code [0, vocabularySize)}.
 *
 * @param vocabularySize the rows of the embedding
 * @param maxLength the sequence length the network takes
 * @param classes the number of classes
 */
record TokenIdRows(int vocabularySize, int maxLength, int classes) implements RowEncoder {

    /**
     * The ids of one array (integers or longs), the first {@code maxLength}.
     *
     * @throws IllegalArgumentException when an id is null or outside the vocabulary
     */
    int[] encode(List<?> ids) {
        int[] indices = new int[Math.min(ids.size(), maxLength)];
        for (int i = 0; i < indices.length; i++) {
            Object id = ids.get(i);
            long value = id == null ? -1 : ((Number) id).longValue();
            if (value < 0 || value >= vocabularySize) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "token id %s is outside the "
                        + "vocabulary [0, %d)", id, vocabularySize));
            }
            indices[i] = (int) value;
        }
        return indices;
    }

    @Override
    public INDArray[] inputs(List<Row> rows, int field) {
        List<SequenceBatches.Encoded> documents = new ArrayList<>(rows.size());
        for (Row row : rows) {
            documents.add(new SequenceBatches.Encoded(encode(row.getList(field)), 0));
        }
        DataSet batch = SequenceBatches.batch(documents, maxLength, classes);
        return new INDArray[] {batch.getFeatures(), batch.getFeaturesMaskArray()};
    }

}
