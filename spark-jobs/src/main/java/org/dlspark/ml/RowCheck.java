package org.dlspark.ml;

import java.io.Serializable;
import java.util.Arrays;
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
 * @param badIds token ids that are null or negative (token id arrays only)
 * @param maxId the largest token id (token id arrays only)
 * @param contentHash a hash of every row's features and label that does not depend on their order (it tells
 *     whether a fit sees the same data again)
 */
record RowCheck(long rows, long nullFeatures, long wrongLength, long aWrongLength, long nullLabels, long notIndices,
        double aNotIndex, double maxLabel, long badIds, long maxId, long contentHash) implements Serializable {

    private static final RowCheck NONE = new RowCheck(0, 0, 0, -1, 0, 0, 0, -1, 0, -1, 0);

    /** What the features column holds, and so what is checked beyond nulls. */
    enum Features {
        /** Spark ML vectors, whose length is checked. */
        VECTORS,
        /** Arrays of token ids, which must be whole numbers from 0. */
        TOKEN_IDS,
        /** Texts or images, checked for nulls only. */
        OTHER
    }

    /**
     * Checks {@code rows} (features in field 0, a label in field 1): vectors against {@code length}, token ids for
     * negative ones, anything for nulls.
     *
     * @throws IllegalArgumentException naming the column of the first problem found
     */
    static RowCheck of(JavaRDD<Row> rows, Features kind, int length, String features, String label) {
        RowCheck check = rows.mapPartitions(partition -> {
            RowCheck found = NONE;
            while (partition.hasNext()) {
                found = found.merge(one(partition.next(), kind, length));
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
        if (check.badIds > 0) {
            throw new IllegalArgumentException("column '" + features + "' holds " + check.badIds + " token ids that "
                    + "are null or negative");
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

    private static RowCheck one(Row row, Features kind, int length) {
        boolean noFeatures = row.isNullAt(0);
        int size = noFeatures || kind != Features.VECTORS ? length : ((Vector) row.get(0)).size();
        long badIds = 0;
        long maxId = -1;
        if (!noFeatures && kind == Features.TOKEN_IDS) {
            for (Object id : row.getList(0)) {
                long value = id == null ? -1 : ((Number) id).longValue();
                badIds += value < 0 ? 1 : 0;
                maxId = Math.max(maxId, value);
            }
        }
        boolean noLabel = row.isNullAt(1);
        double value = noLabel ? 0 : row.getDouble(1);
        boolean notIndex = !noLabel && (value < 0 || value != Math.rint(value) || Double.isInfinite(value));
        return new RowCheck(1, noFeatures ? 1 : 0, size != length ? 1 : 0, size != length ? size : -1,
                noLabel ? 1 : 0, notIndex ? 1 : 0, notIndex ? value : 0, noLabel || notIndex ? -1 : value, badIds, maxId,
                mix(31L * (noFeatures ? 0 : hash(row.get(0))) + Double.hashCode(value)));
    }

    /** A hash of a feature value by its content (a vector's values, an image's bytes, a text, token ids). */
    private static int hash(Object value) {
        if (value instanceof Vector vector) {
            return Arrays.hashCode(vector.toArray());
        }
        if (value instanceof byte[] bytes) {
            return Arrays.hashCode(bytes);
        }
        if (value instanceof Row struct) {
            int hash = 1;
            for (int i = 0; i < struct.size(); i++) {
                hash = 31 * hash + (struct.isNullAt(i) ? 0 : hash(struct.get(i)));
            }
            return hash;
        }
        return value.hashCode();
    }

    /** Spreads a row's hash over 64 bits, so that the sum over rows rarely collides. */
    private static long mix(long hash) {
        long mixed = hash * 0x9E3779B97F4A7C15L;
        return mixed ^ (mixed >>> 29);
    }

    private RowCheck merge(RowCheck other) {
        return new RowCheck(rows + other.rows, nullFeatures + other.nullFeatures, wrongLength + other.wrongLength,
                aWrongLength >= 0 ? aWrongLength : other.aWrongLength, nullLabels + other.nullLabels,
                notIndices + other.notIndices, notIndices > 0 ? aNotIndex : other.aNotIndex,
                Math.max(maxLabel, other.maxLabel), badIds + other.badIds, Math.max(maxId, other.maxId),
                contentHash + other.contentHash);
    }
}
