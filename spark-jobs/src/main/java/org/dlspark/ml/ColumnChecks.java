package org.dlspark.ml;

import java.util.Arrays;
import org.apache.spark.ml.image.ImageSchema;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dlspark.zoo.InputSpec;
import scala.Function1;
import scala.runtime.AbstractFunction1;

/** The checks of a DataFrame's columns that DLSpark's estimator and model make before any work. */
final class ColumnChecks {

    /** Accepts an image shape written as height,width,channels, each a positive integer. */
    static final Function1<String, Object> SHAPE_FORMAT = new ShapeFormat();

    private ColumnChecks() {
    }

    /** The height, width and channels of {@code shape} ("28,28,1"). */
    static int[] shape(String shape) {
        int[] parts = Arrays.stream(shape.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(part -> part < 1)) {
            throw new IllegalArgumentException("inputShape: '" + shape + "' is not height,width,channels");
        }
        return parts;
    }

    /** Requires {@code column} to hold Spark ML vectors, or images as Spark's image data source reads them. */
    static void requireImages(StructType schema, String column) {
        String expected = "image vectors (Spark ML Vector) or images (the image data source's struct)";
        StructField field = field(schema, column, expected);
        if (!field.dataType().equals(SQLDataTypes.VectorType()) && !isImageStruct(field)) {
            throw new IllegalArgumentException("column '" + column + "' holds " + field.dataType().simpleString()
                    + ", not " + expected);
        }
    }

    /** Whether {@code field} is the struct of Spark's image data source. */
    static boolean isImageStruct(StructField field) {
        if (!(field.dataType() instanceof StructType struct)) {
            return false;
        }
        StructType image = ImageSchema.columnSchema();
        return Arrays.equals(struct.fieldNames(), image.fieldNames()) && Arrays.stream(image.fields())
                .allMatch(expected -> struct.apply(expected.name()).dataType().equals(expected.dataType()));
    }

    /**
     * Requires {@code column} to hold what a network of {@code input} takes: image vectors or images; texts or
     * arrays of token ids.
     */
    static void requireFeatures(StructType schema, String column, InputSpec input) {
        if (input instanceof InputSpec.Images) {
            requireImages(schema, column);
            return;
        }
        String expected = "texts (string) or token ids (array of int or bigint)";
        StructField field = field(schema, column, expected);
        if (!field.dataType().equals(DataTypes.StringType) && !isTokenIds(field)) {
            throw new IllegalArgumentException("column '" + column + "' holds " + field.dataType().simpleString()
                    + ", not " + expected);
        }
    }

    /** Whether {@code field} holds arrays of token ids (int or bigint). */
    static boolean isTokenIds(StructField field) {
        return field.dataType() instanceof ArrayType array && (array.elementType().equals(DataTypes.IntegerType)
                || array.elementType().equals(DataTypes.LongType));
    }

    /** Requires {@code column} to be numeric. */
    static void requireNumeric(StructType schema, String column) {
        StructField field = field(schema, column, "class indices");
        if (!(field.dataType() instanceof NumericType)) {
            throw new IllegalArgumentException("column '" + column + "' holds " + field.dataType().simpleString()
                    + ", not class indices (a numeric column, as StringIndexer writes)");
        }
    }

    /** {@code schema} with the prediction and probability columns added; they must not be there already. */
    static StructType withOutputs(StructType schema, String prediction, String probability) {
        for (String column : new String[] {prediction, probability}) {
            if (Arrays.asList(schema.fieldNames()).contains(column)) {
                throw new IllegalArgumentException("column '" + column + "' exists already; the model writes it");
            }
        }
        return schema.add(prediction, DataTypes.DoubleType, false).add(probability, SQLDataTypes.VectorType(),
                false);
    }

    private static StructField field(StructType schema, String column, String expected) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException("column '" + column + "' is missing: expected " + expected
                    + "; the DataFrame has " + String.join(", ", schema.fieldNames()));
        }
        return schema.apply(column);
    }

    /** {@link #SHAPE_FORMAT}: serializable, as Spark ML's parameters are. */
    private static final class ShapeFormat extends AbstractFunction1<String, Object> implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        @Override
        public Object apply(String shape) {
            try {
                shape(shape);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
