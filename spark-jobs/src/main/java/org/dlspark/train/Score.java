package org.dlspark.train;

import java.util.Locale;

/**
 * What a family's epochs are scored by on the test (and validation) set, higher being better: a classifier's
 * accuracy, the denoising autoencoder's PSNR. Early stopping and the progress lines read the score whatever it is.
 */
public enum Score {
    /** The share of examples classified right. */
    ACCURACY("Accuracy", "accuracy", "%.4f"),
    /** Peak signal-to-noise ratio of the output against the clean images, in dB. */
    PSNR("Psnr", "PSNR", "%.2f dB");

    private final String jsonSuffix;
    private final String label;
    private final String format;

    Score(String jsonSuffix, String label, String format) {
        this.jsonSuffix = jsonSuffix;
        this.label = label;
        this.format = format;
    }

    /** The ending of the score's fields in {@code metrics.jsonl}: {@code testAccuracy}, {@code testPsnr}. */
    public String jsonSuffix() {
        return jsonSuffix;
    }

    /** The score's name in printed lines and charts. */
    public String label() {
        return label;
    }

    /** {@code value} as printed: {@code 0.8912}, {@code 24.31 dB}. */
    public String format(double value) {
        return String.format(Locale.ROOT, format, value);
    }

    /** The score whose fields end in {@code suffix}. */
    static Score ofJsonSuffix(String suffix) {
        for (Score score : values()) {
            if (score.jsonSuffix.equals(suffix)) {
                return score;
            }
        }
        throw new IllegalArgumentException("no score named '" + suffix + "'");
    }
}
