package org.dlspark.examples;

import static org.apache.spark.sql.functions.col;

import java.util.Locale;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dlspark.ml.DlSparkClassificationModel;
import org.dlspark.ml.ImageFrames;

/**
 * Applies a saved DLSpark classifier to the Fashion-MNIST test images as a Spark ML {@code Transformer}: a run
 * folder written by {@code dlspark train} (or a registry version), or a model saved through the Spark ML API. The
 * predicted class indices are named by the model's own class list, so the accuracy is right whatever order the
 * model numbers its classes in.
 *
 * <pre>
 * scripts/spark-submit --master 'local[2]' --class org.dlspark.examples.ApplySavedModel \
 *   --jars spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar examples/target/dlspark-examples-0.1.0-SNAPSHOT.jar \
 *   MODEL DATA
 * </pre>
 * MODEL is the model's folder, DATA a folder with Fashion-MNIST's four IDX files (any Hadoop paths).
 */
public final class ApplySavedModel {

    private ApplySavedModel() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ApplySavedModel MODEL DATA");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("DLSpark: apply a saved model").getOrCreate();
        DlSparkClassificationModel model = DlSparkClassificationModel.load(args[0]);
        Dataset<Row> predicted = new IndexToString().setInputCol("prediction").setOutputCol("predictedClass")
                .setLabels(model.classNames().toArray(String[]::new))
                .transform(model.transform(ImageFrames.fashionMnist(spark, args[1], false)));
        long images = predicted.count();
        long right = predicted.filter(col("predictedClass").equalTo(col("class"))).count();
        System.out.printf(Locale.ROOT, "%s (%s): test accuracy %.4f on %d images%n", args[0], model.family(),
                (double) right / images, images);
        spark.stop();
    }
}
