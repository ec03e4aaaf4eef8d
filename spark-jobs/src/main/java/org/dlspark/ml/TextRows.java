package org.dlspark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.dlspark.data.text.SequenceBatches;
import org.dlspark.data.text.TextCleaner;
import org.dlspark.data.text.Tokenizer;
import org.dlspark.data.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Turns texts into the input of a sequence classifier as {@code dlspark preprocess} does: cleaned (HTML, case),
 * tokenised, each token's index in the vocabulary (unknown ones {@link Vocabulary#UNKNOWN}), the first
 * {@code maxLength} kept and padded, with a mask of the real tokens.
 *
 * @param vocabulary the token indices
 * @param maxLength the sequence length the network takes
 * @param classes the number of classes
 */
record TextRows(Vocabulary vocabulary, int maxLength, int classes) implements RowEncoder {

    /** The token indices of {@code text}. */
    int[] encode(String text) {
        return Tokenizer.tokens(TextCleaner.cleanText(text)).stream().limit(maxLength)
                .mapToInt(vocabulary::indexOf).toArray();
    }

    @Override
    public INDArray[] inputs(List<Row> rows, int field) {
        List<SequenceBatches.Encoded> documents = new ArrayList<>(rows.size());
        for (Row row : rows) {
            documents.add(new SequenceBatches.Encoded(encode(row.getString(field)), 0));
        }
        DataSet batch = SequenceBatches.batch(documents, maxLength, classes);
        return new INDArray[] {batch.getFeatures(), batch.getFeaturesMaskArray()};
    }

}
