package org.dlspark.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a DataFrame's feature column into a zoo network's input: pixel vectors for the image classifiers
 * ({@link ImageRows}), texts for the sequence classifiers ({@link TextRows}).
 */
interface RowEncoder extends Serializable {

    /** The number of classes: the width of a one-hot label. */
    int classes();

    /** The network's input for the values of {@code field} in {@code rows}: the features, and a mask or null. */
    INDArray[] inputs(List<Row> rows, int field);


    /**
     * Minibatches of {@code batchSize} (the last one smaller) from rows whose field 0 holds the features and field
     * 1 the class index.
     */
    default List<DataSet> minibatches(Iterator<Row> rows, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        List<Row> pending = new ArrayList<>(batchSize);
        while (rows.hasNext()) {
            pending.add(rows.next());
            if (pending.size() == batchSize || !rows.hasNext()) {
                INDArray[] inputs = inputs(pending, 0);
                INDArray labels = Nd4j.zeros(pending.size(), classes());
                for (int n = 0; n < pending.size(); n++) {
                    labels.putScalar(n, (int) pending.get(n).getDouble(1), 1f);
                }
                batches.add(new DataSet(inputs[0], labels, inputs[1], null));
                pending.clear();
            }
        }
        return batches;
    }
}
