package org.dlspark.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** DataFrames of 28x28 images a CNN tells apart: "top" ones brighter in their top half, "bottom" ones below. */
final class TestImages {

    /** The columns: the pixels (0 to 255) and the class name. */
    static final StructType SCHEMA = new StructType().add("features", SQLDataTypes.VectorType())
            .add("kind", DataTypes.StringType);

    private TestImages() {
    }

    /**
     * {@code count} images whose bright half has pixels around {@code bright}, the other half around {@code dark},
     * with Gaussian noise of {@code noise}.
     */
    static Dataset<Row> of(SparkSession session, int count, long seed, double bright, double dark, double noise) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean top = random.nextBoolean();
            double[] pixels = new double[28 * 28];
            for (int p = 0; p < pixels.length; p++) {
                boolean lit = (p < 14 * 28) == top;
                pixels[p] = Math.min(255, Math.max(0, (lit ? bright : dark) + noise * random.nextGaussian()));
            }
            rows.add(RowFactory.create(Vectors.dense(pixels), top ? "top" : "bottom"));
        }
        return session.createDataFrame(rows, SCHEMA);
    }
}
