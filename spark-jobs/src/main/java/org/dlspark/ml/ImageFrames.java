package org.dlspark.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.FashionMnist;
import org.dlspark.data.IdxImages;
import org.dlspark.data.IdxReader;
import org.dlspark.data.LabelledImages;

/**
 * Labelled images in IDX files (MNIST, Fashion-MNIST) as a DataFrame for {@link DlSparkClassifier}: a
 * {@code features} column of pixel vectors (0 to 255, row by row) and a {@code class} column of class names. The
 * executors read the files themselves (any Hadoop path), each keeping its share of the rows; the driver reads only
 * the labels file, to count them.
 */
public final class ImageFrames {

    /** The columns: the pixels, and the class name. */
    public static final StructType SCHEMA = new StructType().add("features", SQLDataTypes.VectorType(), false)
            .add("class", DataTypes.StringType, false);

    private ImageFrames() {
    }

    /** Fashion-MNIST's training ({@code train}) or test images in {@code folder}, the four IDX files as fetched. */
    public static Dataset<Row> fashionMnist(SparkSession spark, String folder, boolean train) {
        String prefix = train ? "train" : "t10k";
        FashionMnist files = new FashionMnist(folder);
        return idx(spark, files.locate(prefix + "-images-idx3-ubyte"), files.locate(prefix + "-labels-idx1-ubyte"),
                FashionMnist.CLASS_NAMES);
    }

    /**
     * The images of {@code images} labelled by {@code labels} (IDX files, gzipped or not), label {@code i} being
     * {@code classNames.get(i)}, in as many partitions as Spark's default parallelism.
     *
     * @throws DataFormatException naming the file when either is defective or a label has no class name
     */
    public static Dataset<Row> idx(SparkSession spark, String images, String labels, List<String> classNames) {
        int count = IdxReader.readLabels(labels).length;
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, Math.min(count, context.defaultParallelism()));
        List<String> names = List.copyOf(classNames);
        JavaRDD<Row> rows = context.parallelize(IntStream.range(0, partitions).boxed().collect(Collectors.toList()),
                partitions).flatMap(part -> {
                    LabelledImages read = LabelledImages.read(images, labels, names.size());
                    if (read.size() != count) {
                        throw new DataFormatException(labels + ": changed while it was read");
                    }
                    return rows(read, names, (int) ((long) part * count / partitions),
                            (int) ((long) (part + 1) * count / partitions)).iterator();
                });
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static List<Row> rows(LabelledImages read, List<String> names, int from, int to) {
        IdxImages images = read.images();
        int pixels = images.pixelsPerImage();
        List<Row> rows = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            double[] values = new double[pixels];
            for (int p = 0; p < pixels; p++) {
                values[p] = Byte.toUnsignedInt(images.pixels()[i * pixels + p]);
            }
            rows.add(RowFactory.create(Vectors.dense(values), names.get(read.label(i))));
        }
        return rows;
    }
}
