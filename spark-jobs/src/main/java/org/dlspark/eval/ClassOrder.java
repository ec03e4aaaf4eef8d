package org.dlspark.eval;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.dlspark.train.InvalidSettingException;
import org.nd4j.linalg.dataset.DataSet;

/**
 * How a data set's classes map to a model's, by name: the same list, or the same classes in another order (a model
 * fitted through the Spark ML API numbers its classes as {@code StringIndexer} did), whose one-hot labels are
 * then reordered to the model's before it is judged.
 *
 * @param dataColumns for each class of the model, its column in the data's labels; null when the orders agree
 */
public record ClassOrder(int[] dataColumns) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * The mapping from {@code dataClasses} to {@code modelClasses}.
     *
     * @throws InvalidSettingException naming {@code option} when the two lists do not hold the same classes
     */
    public static ClassOrder of(List<String> dataClasses, List<String> modelClasses, String option, String data) {
        if (dataClasses.equals(modelClasses)) {
            return new ClassOrder(null);
        }
        if (dataClasses.size() != modelClasses.size() || !new HashSet<>(dataClasses).equals(
                new HashSet<>(modelClasses))) {
            throw new InvalidSettingException(option, data + " has classes " + dataClasses + ", the model "
                    + modelClasses);
        }
        return new ClassOrder(modelClasses.stream().mapToInt(dataClasses::indexOf).toArray());
    }

    /** Whether the data's labels are reordered. */
    public boolean reorders() {
        return dataColumns != null;
    }

    /** {@code batch} with its labels in the model's class order. */
    public DataSet relabel(DataSet batch) {
        if (dataColumns == null) {
            return batch;
        }
        return new DataSet(batch.getFeatures(), batch.getLabels().getColumns(dataColumns),
                batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
    }

    /** Every minibatch of {@code batches}, relabelled. */
    public List<DataSet> relabel(List<DataSet> batches) {
        return dataColumns == null ? batches : batches.stream().map(this::relabel).toList();
    }

    /** Every minibatch of {@code batches}, relabelled where they are. */
    public JavaRDD<DataSet> relabel(JavaRDD<DataSet> batches) {
        return dataColumns == null ? batches : batches.map(this::relabel);
    }
}
