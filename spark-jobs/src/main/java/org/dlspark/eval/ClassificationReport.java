package org.dlspark.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dlspark.train.TestFigures;
import org.nd4j.evaluation.classification.Evaluation;

/**
 * Accuracy, per-class and macro-averaged precision, recall and F1, and the confusion matrix of a classifier on a
 * labelled set. Macro figures are plain means over classes; a class never predicted has precision 0.
 *
 * @param confusionMatrix counts indexed {@code [actual][predicted]}
 */
public record ClassificationReport(double accuracy, double macroPrecision, double macroRecall, double macroF1,
        long examples, List<ClassMetrics> perClass, long[][] confusionMatrix) implements TestFigures {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "test accuracy %.4f  macro precision %.4f  macro recall %.4f  macro F1 %.4f  "
                + "(%d test examples)", accuracy, macroPrecision, macroRecall, macroF1, examples);
    }

    /** The report of a DL4J evaluation over classes named {@code classNames}, in label order. */
    public static ClassificationReport of(Evaluation evaluation, List<String> classNames) {
        int n = classNames.size();
        long[][] confusion = new long[n][n];
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                confusion[actual][predicted] = evaluation.getConfusion().getCount(actual, predicted);
            }
        }
        return fromConfusion(confusion, classNames);
    }

    /** The report for a confusion matrix indexed {@code [actual][predicted]}. */
    public static ClassificationReport fromConfusion(long[][] confusion, List<String> classNames) {
        int n = classNames.size();
        long total = 0;
        long correct = 0;
        List<ClassMetrics> perClass = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            long truePositives = confusion[c][c];
            long actual = 0;
            long predicted = 0;
            for (int other = 0; other < n; other++) {
                actual += confusion[c][other];
                predicted += confusion[other][c];
            }
            double precision = ratio(truePositives, predicted);
            double recall = ratio(truePositives, actual);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(classNames.get(c), precision, recall, f1, actual));
            total += actual;
            correct += truePositives;
        }
        return new ClassificationReport(ratio(correct, total),
                perClass.stream().mapToDouble(ClassMetrics::precision).average().orElse(0),
                perClass.stream().mapToDouble(ClassMetrics::recall).average().orElse(0),
                perClass.stream().mapToDouble(ClassMetrics::f1).average().orElse(0),
                total, perClass, confusion);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
