package org.dlspark.train;

import java.nio.file.Path;

/**
 * Everything one training run is configured with, validated on construction; errors name the command-line option.
 *
 * @param model the zoo name of the architecture
 * @param strategy how to train
 * @param data the folder holding the Fashion-MNIST IDX files (a Hadoop path)
 * @param out the run folder to create; it must not exist
 * @param epochs passes over the training set
 * @param batchSize examples per minibatch on each worker
 * @param workers data-parallel workers; 0 means one per Spark task slot
 * @param averagingFrequency minibatches each worker fits between two parameter averagings
 * @param seed seeds the weights and the data order
 * @param trainLimit use at most this many training images
 * @param testLimit evaluate on at most this many test images
 */
public record TrainSettings(String model, Strategy strategy, String data, Path out, int epochs, int batchSize, int workers,
        int averagingFrequency, long seed, int trainLimit, int testLimit) {

    /** Validates every value. */
    public TrainSettings {
        InvalidSettingException.requireText("--model", model);
        if (strategy == null) {
            throw new InvalidSettingException("--strategy", "a value is required");
        }
        InvalidSettingException.requireText("--data", data);
        if (out == null) {
            throw new InvalidSettingException("--out", "a run folder is required");
        }
        InvalidSettingException.atLeast("--epochs", epochs, 1);
        InvalidSettingException.atLeast("--batch", batchSize, 1);
        InvalidSettingException.atLeast("--workers", workers, 0);
        InvalidSettingException.atLeast("--averaging-frequency", averagingFrequency, 1);
        InvalidSettingException.atLeast("--train-limit", trainLimit, 1);
        InvalidSettingException.atLeast("--test-limit", testLimit, 1);
    }
}
