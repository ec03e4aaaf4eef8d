package org.dlspark.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.model.TrainedModel;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Evaluates a classifier over Spark: the minibatches are split among the executors, each restores the model from a
 * broadcast copy and evaluates its share, and the driver merges the partial results. The figures do not depend on
 * how the minibatches were split.
 */
public final class DistributedEvaluation {

    /** The merged results: DL4J's classification evaluation, and for two classes the exact ROC curve. */
    public record Merged(Evaluation evaluation, ROC roc) implements Serializable {
    }

    private DistributedEvaluation() {
    }

    /** Evaluates {@code model} on the minibatches of {@code data}, one Spark task per partition. */
    public static Merged run(JavaSparkContext spark, TrainedModel model, JavaRDD<DataSet> data) {
        Broadcast<TrainedModel> shipped = spark.broadcast(model);
        int classes = model.classNames().size();
        Merged merged = data.mapPartitions((Iterator<DataSet> part) -> List.of(evaluate(shipped.value(), part,
                classes)).iterator()).reduce(DistributedEvaluation::merge);
        shipped.destroy();
        return merged;
    }

    private static Merged evaluate(TrainedModel model, Iterator<DataSet> batches, int classes) {
        ComputationGraph network = model.network();
        Evaluation evaluation = new Evaluation(classes);
        ROC roc = classes == 2 ? new ROC(0) : null;
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            INDArray output = network.output(false, new INDArray[] {batch.getFeatures()},
                    batch.getFeaturesMaskArray() == null ? null : new INDArray[] {batch.getFeaturesMaskArray()})[0];
            evaluation.eval(batch.getLabels(), output);
            if (roc != null) {
                roc.eval(batch.getLabels(), output);
            }
        }
        return new Merged(evaluation, roc);
    }

    private static Merged merge(Merged a, Merged b) {
        a.evaluation().merge(b.evaluation());
        if (a.roc() != null) {
            a.roc().merge(b.roc());
        }
        return a;
    }

    /** The figures of a merged evaluation over classes {@code classNames}. */
    public static ClassificationReport report(Merged merged, List<String> classNames) {
        return ClassificationReport.of(merged.evaluation(), new ArrayList<>(classNames));
    }
}
