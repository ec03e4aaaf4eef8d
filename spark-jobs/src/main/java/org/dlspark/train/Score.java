package org.dlspark.train;

import java.util.Locale;

/**
 * What a family's epochs are scored by on the test (and validation) set: a classifier's accuracy, the denoising
 * autoencoder's PSNR, higher being better, which early stopping reads; the GAN's share of generated images its
 * discriminator takes for real, which shows how the two networks balance but does not rank models. The progress
 * lines and charts show the score whatever it is.
 */
public enum Score {
    /** The share of examples classified right. */
    ACCURACY("Accuracy", "accuracy", "%.4f", true),
    /** Peak signal-to-noise ratio of the output against the clean images, in dB. */
    PSNR("Psnr", "PSNR", "%.2f dB", true),
    /** The share of generated images that the GAN's discriminator takes for real. */
    TAKEN_FOR_REAL("TakenForReal", "samples taken for real", "%.4f", false);

    private final String jsonSuffix;
    private final String label;
    private final String format;
    private final boolean ranksModels;

    Score(String jsonSuffix, String label, String format, boolean ranksModels) {
        this.jsonSuffix = jsonSuffix;
        this.label = label;
        this.format = format;
        this.ranksModels = ranksModels;
    }

    /** Whether a higher score means a better model, so that early stopping may pick the best epoch by it. */
    public boolean ranksModels() {
        return ranksModels;
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
