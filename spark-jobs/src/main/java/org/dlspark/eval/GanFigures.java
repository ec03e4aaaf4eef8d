package org.dlspark.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Locale;
import org.dlspark.train.TestFigures;

/**
 * A trained GAN's figures, as its run's {@code metrics.json} holds them.
 *
 * @param takenForReal the share of generated images its discriminator takes for real
 * @param judged how a trained classifier judged its samples, or null when the run was given none
 */
public record GanFigures(double takenForReal,
        @JsonUnwrapped @JsonInclude(JsonInclude.Include.NON_NULL) GanEvaluation.Result judged) implements TestFigures {

    @Override
    public String describe() {
        String balance = String.format(Locale.ROOT, "the discriminator takes %.1f%% of generated images for real",
                100 * takenForReal);
        if (judged == null) {
            return balance + "; give --classifier to have a trained classifier judge the samples";
        }
        return String.format(Locale.ROOT, "%s; a classifier on %d samples: mean top-class probability %.4f, class "
                + "entropy %.4f (ln 10 = %.4f), classes %s", balance, judged.samples(), judged.meanTopProbability(),
                judged.classEntropy(), Math.log(10), judged.classHistogram());
    }
}
