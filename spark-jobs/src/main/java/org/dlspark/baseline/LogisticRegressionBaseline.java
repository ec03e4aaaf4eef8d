package org.dlspark.baseline;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Spark MLlib's multinomial logistic regression, fitted on the deep model's training minibatches and scored on its
 * test minibatches: on pixels for images, on TF-IDF of the tokens for texts. It tells a user whether the deep
 * model earns its cost.
 */
public final class LogisticRegressionBaseline {

    /** L-BFGS iterations: 100 cost 2m21s on Fashion-MNIST (0.8442), more than training the CNN. */
    static final int MAX_ITERATIONS = 30;

    private static final int ROWS_PER_SLICE = 5000;

    private static final StructType SCHEMA = new StructType().add("label", DataTypes.DoubleType)
            .add("features", SQLDataTypes.VectorType());

    private LogisticRegressionBaseline() {
    }

    /** {@code rows} as a data frame in slices of at most {@value #ROWS_PER_SLICE} rows, so no task is huge. */
    private static Dataset<Row> frame(SparkSession spark, List<Row> rows) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(context.defaultParallelism(), (rows.size() + ROWS_PER_SLICE - 1) / ROWS_PER_SLICE);
        return spark.createDataFrame(context.parallelize(rows, slices), SCHEMA);
    }

    /** Fits on {@code train} and scores on {@code test}, with {@code spark}. */
    public static BaselineResult fit(SparkSession spark, List<DataSet> train, List<DataSet> test) {
        long start = System.nanoTime();
        boolean text = BaselineRows.isText(train.get(0));
        int vocabulary = text ? Math.max(BaselineRows.vocabulary(train), BaselineRows.vocabulary(test)) : 0;
        Dataset<Row> trainRows = frame(spark, BaselineRows.of(train, vocabulary));
        Dataset<Row> testRows = frame(spark, BaselineRows.of(test, vocabulary));
        LogisticRegression regression = new LogisticRegression().setMaxIter(MAX_ITERATIONS).setRegParam(1e-4);
        PipelineStage[] stages = text
                ? new PipelineStage[] {new IDF().setInputCol("features").setOutputCol("tfidf"),
                    regression.setFeaturesCol("tfidf")}
                : new PipelineStage[] {regression};
        PipelineModel model = new Pipeline().setStages(stages).fit(trainRows);
        Dataset<Row> scored = model.transform(testRows).select("prediction", "label");
        MulticlassMetrics metrics = new MulticlassMetrics(scored);
        double[] labels = metrics.labels();
        double macroF1 = 0;
        for (double label : labels) {
            macroF1 += metrics.fMeasure(label);
        }
        macroF1 /= labels.length;
        return new BaselineResult(text ? "MLlib logistic regression on TF-IDF of the tokens"
                : "MLlib logistic regression on pixels", metrics.accuracy(), macroF1,
                (System.nanoTime() - start) / 1e9);
    }
}
