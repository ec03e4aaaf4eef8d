package org.dlspark.baseline;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Locale;
import org.dlspark.train.ProgressPrinter;

/**
 * A baseline beside the deep model's result, as {@code metrics.json} keeps it: the baseline's figures and the deep
 * model's margins over them (positive when the deep model does better).
 */
public record BaselineComparison(@JsonUnwrapped BaselineResult baseline, double accuracyMargin,
        double macroF1Margin) {

    /** {@code baseline} against a deep model that reached {@code accuracy} and {@code macroF1}. */
    public static BaselineComparison of(BaselineResult baseline, double accuracy, double macroF1) {
        return new BaselineComparison(baseline, accuracy - baseline.accuracy(), macroF1 - baseline.macroF1());
    }

    /** One line for the user: the baseline's figures and the deep model's margins. */
    public String describe() {
        return String.format(Locale.ROOT, "baseline (%s, %s): accuracy %.4f  macro F1 %.4f; the model's margin: "
                + "%+.4f accuracy, %+.4f macro F1", baseline.method(), ProgressPrinter.format(baseline.seconds()),
                baseline.accuracy(), baseline.macroF1(), accuracyMargin, macroF1Margin);
    }
}
