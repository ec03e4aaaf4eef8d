package org.dlspark.ml;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * What one pass over a DataFrame's feature and label columns found wrong, counted on the executors, so that a fit
 * is refused, naming the column, before any training.
 *
 * @param rows the rows
 * @param nullFeatures rows without a feature vector
 * @param wrongLength rows whose vector has another length than the input shape's (image vectors only)
 * @param aWrongLength one such length, for the message
 * @param nullLabels rows without a label
 * @param notIndices labels that are negative or not whole numbers
 * @param aNotIndex one such label, for the message
 * @param maxLabel the largest label
 */
record RowCheck(long rows, long nullFeatures, long wrongLength, long aWrongLength, long nullLabels, long notIndices,
        double aNotIndex, double maxLabel) implements Serializable {

    private static final RowCheck NONE = new RowCheck(0, 0, 0, -1, 0, 0, 0, -1);

    /**
     * Checks {@code rows} (features in field 0, a label in field 1): vectors against {@code length}, texts and
     * images ({@code length} -1) for nulls only.
     *
     * @throws IllegalArgumentException naming the column of the first problem found
     */
    static RowCheck of(JavaRDD<Row> rows, int length, String features, String label) {
        RowCheck check = rows.mapPartitions(partition -> {
            RowCheck found = NONE;
            while (partition.hasNext()) {
                found = found.merge(one(partition.next(), length));
            }
            return List.of(found).iterator();
        }).fold(NONE, RowCheck::merge);
        if (check.rows == 0) {
            throw new IllegalArgumentException("the DataFrame is empty: no rows to train on");
        }
        if (check.nullFeatures > 0) {
            throw new IllegalArgumentException("column '" + features + "' is null in " + check.nullFeatures
                    + " rows");
        }
        if (check.wrongLength > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': %d vectors are not of length "
                    + "%d (inputShape), e.g. one of length %d", features, check.wrongLength, length,
                    check.aWrongLength));
        }
        if (check.nullLabels > 0) {
            throw new IllegalArgumentException("column '" + label + "' is null in " + check.nullLabels + " rows");
        }
        if (check.notIndices > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "column '%s': %d labels are not class "
                    + "indices (0, 1, 2, ...), e.g. %s", label, check.notIndices, check.aNotIndex));
        }
        return check;
    }

    private static RowCheck one(Row row, int length) {
        boolean noFeatures = row.isNullAt(0);
        int size = noFeatures || length < 0 ? length : ((Vector) row.get(0)).size();
        boolean noLabel = row.isNullAt(1);
        double value = noLabel ? 0 : row.getDouble(1);
        boolean notIndex = !noLabel && (value < 0 || value != Math.rint(value) || Double.isInfinite(value));
        return new RowCheck(1, noFeatures ? 1 : 0, size != length ? 1 : 0, size != length ? size : -1,
                noLabel ? 1 : 0, notIndex ? 1 : 0, notIndex ? value : 0, noLabel || notIndex ? -1 : value);
    }

    private RowCheck merge(RowCheck other) {
        return new RowCheck(rows + other.rows, nullFeatures + other.nullFeatures, wrongLength + other.wrongLength,
                aWrongLength >= 0 ? aWrongLength : other.aWrongLength, nullLabels + other.nullLabels,
                notIndices + other.notIndices, notIndices > 0 ? aNotIndex : other.aNotIndex,
                Math.max(maxLabel, other.maxLabel));
    }
}
