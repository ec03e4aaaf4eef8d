package org.dlspark.train;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one epoch achieved. In {@code metrics.jsonl} the scores are named after what they measure:
 * {@code testAccuracy} and {@code validationAccuracy} for a classifier, {@code testPsnr} for the autoencoder.
 *
 * @param epoch 1-based epoch number
 * @param loss the workers' mean training loss at the end of the epoch
 * @param score what {@code testScore} and {@code validationScore} measure
 * @param testScore the score on the test set after the epoch
 * @param validationScore the score on the validation set, when early stopping watches one; else null
 * @param examplesPerSecond training throughput over the epoch (evaluation excluded)
 * @param trainSeconds time spent training in this epoch
 * @param etaSeconds estimated time to the end of the run
 */
public record EpochReport(int epoch, double loss, @JsonIgnore Score score, @JsonIgnore double testScore,
        @JsonIgnore Double validationScore, double examplesPerSecond, double trainSeconds, double etaSeconds) {

    private static final String TEST = "test";
    private static final String VALIDATION = "validation";

    /** The scores as {@code metrics.jsonl} names them. */
    @JsonAnyGetter
    Map<String, Double> namedScores() {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(TEST + score.jsonSuffix(), testScore);
        if (validationScore != null) {
            scores.put(VALIDATION + score.jsonSuffix(), validationScore);
        }
        return scores;
    }

    /** Reads a line of {@code metrics.jsonl}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EpochReport fromJson(Map<String, Object> fields) {
        String testField = fields.keySet().stream().filter(name -> name.startsWith(TEST)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("an epoch report without a test score: " + fields));
        Score score = Score.ofJsonSuffix(testField.substring(TEST.length()));
        Object validation = fields.get(VALIDATION + score.jsonSuffix());
        return new EpochReport(number(fields, "epoch").intValue(), number(fields, "loss").doubleValue(), score,
                number(fields, testField).doubleValue(),
                validation == null ? null : ((Number) validation).doubleValue(),
                number(fields, "examplesPerSecond").doubleValue(), number(fields, "trainSeconds").doubleValue(),
                number(fields, "etaSeconds").doubleValue());
    }

    private static Number number(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Number number)) {
            throw new IllegalArgumentException("an epoch report without a number '" + name + "': " + fields);
        }
        return number;
    }
}
