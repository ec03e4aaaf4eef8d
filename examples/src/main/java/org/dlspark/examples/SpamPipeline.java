package org.dlspark.examples;

import java.io.IOException;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dlspark.ml.DlSparkClassifier;
import org.dlspark.ml.TextFrames;

/**
 * The SpamAssassin emails through a Spark ML pipeline with DLSpark's LSTM, from a string column: 80% of the emails
 * fit the network (its vocabulary counted with Spark), the other 20% measure it; the fitted pipeline is saved.
 *
 * <pre>
 * scripts/spark-submit --master 'local[2]' --class org.dlspark.examples.SpamPipeline \
 *   --jars spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar examples/target/dlspark-examples-0.1.0-SNAPSHOT.jar \
 *   DATA OUT [STRATEGY [EPOCHS]]
 * </pre>
 * DATA is the corpus folder (class folders of emails, any Hadoop path), OUT where the fitted pipeline is saved,
 * STRATEGY {@code parameter-averaging} (default) or {@code gradient-sharing}, EPOCHS the LSTM's 10 unless given.
 */
public final class SpamPipeline {

    private SpamPipeline() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: SpamPipeline DATA OUT [STRATEGY [EPOCHS]]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("DLSpark spam pipeline").getOrCreate();
        Dataset<Row>[] split = TextFrames.emails(spark, args[0]).randomSplit(new double[] {0.8, 0.2}, 42);
        DlSparkClassifier lstm = new DlSparkClassifier().setFamily("lstm").setFeaturesCol("text")
                .setStrategy(args.length > 2 ? args[2] : "parameter-averaging");
        if (args.length > 3) {
            lstm.setEpochs(Integer.parseInt(args[3]));
        }
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {
            new StringIndexer().setInputCol("class").setOutputCol("label"), lstm}).fit(split[0]);
        Dataset<Row> predicted = model.transform(split[1]);
        MulticlassClassificationEvaluator evaluator = new MulticlassClassificationEvaluator();
        System.out.printf(Locale.ROOT, "test accuracy %.4f, weighted F1 %.4f on %d emails%n",
                evaluator.setMetricName("accuracy").evaluate(predicted),
                evaluator.setMetricName("f1").evaluate(predicted), predicted.count());
        model.write().overwrite().save(args[1] + "/pipeline");
        spark.stop();
    }
}
