package org.dlspark.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Minibatches as rows of (label, features) for MLlib: an image's pixels as a dense vector; a text's tokens, the
 * mask's real ones only, as counts per vocabulary index (a bag of words with no hashing collisions, since the
 * indices are the vocabulary's).
 */
final class BaselineRows {

    private BaselineRows() {
    }

    /** Whether {@code batch} holds token sequences (features [batch, length] with a mask). */
    static boolean isText(DataSet batch) {
        return batch.getFeaturesMaskArray() != null && batch.getFeatures().rank() == 2;
    }

    /** One row per example of {@code batches}; texts as vectors of {@code vocabulary} entries. */
    static List<Row> of(List<DataSet> batches, int vocabulary) {
        List<Row> rows = new ArrayList<>();
        for (DataSet batch : batches) {
            int examples = batch.numExamples();
            int[] labels = batch.getLabels().argMax(1).toIntVector();
            double[][] pixels = isText(batch) ? null
                    : batch.getFeatures().reshape(examples, -1).toDoubleMatrix();
            for (int example = 0; example < examples; example++) {
                rows.add(RowFactory.create((double) labels[example], pixels == null
                        ? tokens(batch, example, vocabulary) : Vectors.dense(pixels[example])));
            }
        }
        return rows;
    }

    /** The largest token index in {@code batches} plus one. */
    static int vocabulary(List<DataSet> batches) {
        return batches.stream().mapToInt(batch -> batch.getFeatures().maxNumber().intValue() + 1).max().orElse(1);
    }

    private static Vector tokens(DataSet batch, int example, int vocabulary) {
        double[] ids = batch.getFeatures().getRow(example).toDoubleVector();
        double[] mask = batch.getFeaturesMaskArray().getRow(example).toDoubleVector();
        TreeMap<Integer, Double> counts = new TreeMap<>();
        for (int position = 0; position < ids.length; position++) {
            int id = (int) ids[position];
            if (mask[position] > 0 && id < vocabulary) {
                counts.merge(id, 1.0, Double::sum);
            }
        }
        return Vectors.sparse(vocabulary, counts.keySet().stream().mapToInt(Integer::intValue).toArray(),
                counts.values().stream().mapToDouble(Double::doubleValue).toArray());
    }
}
