package org.dlspark.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.dlspark.baseline.BaselineResult;
import org.dlspark.baseline.LogisticRegressionBaseline;
import org.dlspark.data.ClassificationData;
import org.dlspark.data.DataFiles;
import org.dlspark.io.Json;
import org.dlspark.model.TrainedModel;
import org.dlspark.shard.ShardCache;
import org.dlspark.shard.ShardPlan;
import org.dlspark.shard.ShardRdd;
import org.dlspark.shard.ShardedData;
import org.dlspark.train.TrainJob;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The baseline beside an evaluation: Spark MLlib's logistic regression, fitted on the training split of the
 * evaluated data set and scored on the examples the model was evaluated on. When the evaluation repeats the run's
 * own test (its data, the test split, its test limit), the figures {@code dlspark train} recorded in the run's
 * {@code metrics.json} are taken instead of fitting again.
 */
final class EvaluationBaseline {

    private EvaluationBaseline() {
    }

    /**
     * The baseline on {@code evaluated}, the minibatches of {@code split} of {@code data} (at most {@code limit}
     * examples) in the data's class order.
     */
    static BaselineResult of(JavaSparkContext spark, TrainedModel model, ClassificationData data, String dataFolder,
            String split, int limit, JavaRDD<DataSet> evaluated, PrintStream out) throws IOException {
        boolean runsOwnTest = dataFolder.equals(model.info().data()) && split.equals("test")
                && limit == model.info().testLimit();
        BaselineResult recorded = runsOwnTest ? recorded(model) : null;
        if (recorded != null) {
            out.println("baseline: the run's own, from its " + TrainJob.METRICS_FILE);
            return recorded;
        }
        out.printf(Locale.ROOT, "baseline: fitting MLlib's logistic regression on the %d training examples of %s%n",
                data.trainSize(), dataFolder);
        int batchSize = model.info().batchSize();
        long seed = model.info().seed();
        JavaRDD<DataSet> train = data instanceof ShardedData sharded
                ? ShardRdd.of(spark, ShardPlan.of(sharded.folder(), sharded.manifest(), "train", Integer.MAX_VALUE,
                        seed), batchSize, ShardCache.NONE)
                : spark.parallelize(data.trainBatches(batchSize, Integer.MAX_VALUE, seed), spark.defaultParallelism());
        return LogisticRegressionBaseline.fit(SparkSession.builder().sparkContext(spark.sc()).getOrCreate(), train,
                evaluated);
    }

    /** The baseline in the run's {@code metrics.json}, or null when it has none. */
    private static BaselineResult recorded(TrainedModel model) throws IOException {
        String file = model.location() + "/" + TrainJob.METRICS_FILE;
        if (!DataFiles.exists(file)) {
            return null;
        }
        JsonNode baseline = Json.parse(new String(DataFiles.readAll(file), StandardCharsets.UTF_8), JsonNode.class)
                .get("baseline");
        if (baseline == null || baseline.isNull()) {
            return null;
        }
        return new BaselineResult(baseline.get("method").asText(), baseline.get("accuracy").asDouble(),
                baseline.get("macroF1").asDouble(), baseline.get("seconds").asDouble());
    }
}
