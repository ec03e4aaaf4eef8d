package org.dlspark.examples;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dlspark.ml.DlSparkClassifier;
import org.dlspark.ml.ImageFrames;

/**
 * Fashion-MNIST through a Spark ML pipeline with DLSpark's CNN: class names indexed, the network fitted on the
 * executors, predictions turned back into names; evaluated, saved, loaded again and checked to predict the same.
 *
 * <pre>
 * scripts/spark-submit --master 'local[2]' --class org.dlspark.examples.FashionMnistPipeline \
 *   --jars spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar examples/target/dlspark-examples-0.1.0-SNAPSHOT.jar \
 *   DATA OUT [STRATEGY [EPOCHS]]
 * </pre>
 * DATA is a folder with the four IDX files (any Hadoop path), OUT where the fitted pipeline is saved, STRATEGY
 * {@code parameter-averaging} (default) or {@code gradient-sharing}, EPOCHS 2 unless given.
 */
public final class FashionMnistPipeline {

    private FashionMnistPipeline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: FashionMnistPipeline DATA OUT [STRATEGY [EPOCHS]]");
            System.exit(2);
        }
        String strategy = args.length > 2 ? args[2] : "parameter-averaging";
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        SparkSession spark = SparkSession.builder().appName("DLSpark Fashion-MNIST pipeline").getOrCreate();
        Dataset<Row> train = ImageFrames.fashionMnist(spark, args[0], true);
        Dataset<Row> test = ImageFrames.fashionMnist(spark, args[0], false);

        StringIndexerModel indexer = new StringIndexer().setInputCol("class").setOutputCol("label").fit(train);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            indexer,
            new DlSparkClassifier().setFamily("cnn").setEpochs(epochs).setStrategy(strategy),
            new IndexToString().setInputCol("prediction").setOutputCol("predictedClass")
                    .setLabels(indexer.labelsArray()[0])});
        PipelineModel model = pipeline.fit(train);
        Dataset<Row> predicted = model.transform(test);
        double accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy").evaluate(predicted);
        System.out.printf(Locale.ROOT, "test accuracy %.4f on %d images%n", accuracy, predicted.count());

        String saved = args[1] + "/pipeline";
        model.write().overwrite().save(saved);
        List<Row> again = PipelineModel.load(saved).transform(test).select("predictedClass").collectAsList();
        boolean same = again.equals(predicted.select("predictedClass").collectAsList());
        System.out.printf(Locale.ROOT, "saved to %s; loaded again, it predicts %s%n", saved,
                same ? "the same classes" : "other classes");
        spark.stop();
        if (!same) {
            System.exit(1);
        }
    }
}
