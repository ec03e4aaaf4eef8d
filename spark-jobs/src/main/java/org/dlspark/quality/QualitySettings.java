package org.dlspark.quality;

import java.nio.file.Path;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.Strategy;

/**
 * What a quality run is configured with; errors name the command-line option.
 *
 * @param model the family to check
 * @param data the data folder (Fashion-MNIST, or the email corpus for text families), a Hadoop path
 * @param out the run folder to create
 * @param epochs passes over the training set, or null for the family's default
 * @param seed seeds weights, data order and noise
 * @param classifier for {@code gan}: a trained Fashion-MNIST classifier (its run folder or {@code model.zip}) that
 *     judges the samples
 * @param strategy how to train: in this JVM, or data-parallel on Spark
 * @param master the Spark master, or null for spark-submit's or local mode
 * @param workers data-parallel workers on Spark, or null for one per task slot
 */
public record QualitySettings(String model, String data, Path out, Integer epochs, long seed, Path classifier,
        Strategy strategy, String master, Integer workers) {

    /** Validates every value. */
    public QualitySettings {
        if (epochs != null && epochs < 1) {
            throw new InvalidSettingException("--epochs", "must be at least 1, got " + epochs);
        }
        if (workers != null) {
            InvalidSettingException.atLeast("--workers", workers, 1);
        }
        if (out == null) {
            throw new InvalidSettingException("--out", "a run folder is required");
        }
    }
}
