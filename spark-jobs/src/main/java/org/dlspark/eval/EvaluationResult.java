package org.dlspark.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.dlspark.baseline.BaselineComparison;

/**
 * The content of {@code evaluation.json}: which model was evaluated on which data, and how well it classifies it.
 *
 * @param model the zoo family
 * @param location the model folder
 * @param data the data folder
 * @param split the split evaluated: test, validation or train
 * @param report accuracy, per-class and macro precision, recall and F1, confusion matrix
 * @param rocAuc area under the ROC curve of the second class, for two classes; else null
 * @param baseline MLlib's logistic regression on the same examples, and the model's margins over it; null when
 *     skipped
 * @param seconds wall time of the evaluation
 */
public record EvaluationResult(String model, String location, String data, String split,
        @JsonUnwrapped ClassificationReport report, @JsonInclude(JsonInclude.Include.NON_NULL) Double rocAuc,
        @JsonInclude(JsonInclude.Include.NON_NULL) BaselineComparison baseline, double seconds) {
}
