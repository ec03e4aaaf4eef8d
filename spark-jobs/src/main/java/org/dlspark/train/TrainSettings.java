package org.dlspark.train;

import java.util.Map;
import org.dlspark.shard.ShardCache;
import org.dlspark.train.sharing.SharingSettings;

/**
 * Everything one training run is configured with, validated on construction; errors name the command-line option.
 *
 * @param model the zoo name of the architecture
 * @param hyperparameters overrides of the model's default hyperparameters ({@code dlspark zoo NAME} lists the keys)
 * @param strategy how to train
 * @param data the folder holding the Fashion-MNIST IDX files (a Hadoop path)
 * @param out the run folder to create, a local path or a Hadoop URI; it must not exist
 * @param epochs passes over the training set
 * @param batchSize examples per minibatch on each worker
 * @param globalBatch examples per step over all workers together, split evenly among them, or null for
 *     {@code batchSize} on every worker
 * @param workers data-parallel workers, or null for one per Spark task slot
 * @param averagingFrequency minibatches each worker fits between two parameter averagings
 * @param sharing how gradient-sharing workers exchange updates
 * @param seed seeds the weights and the data order
 * @param trainLimit use at most this many training images
 * @param testLimit evaluate on at most this many test images
 * @param stopping when to stop before {@code epochs}, or null for {@link EarlyStopping#byDefault} on the data
 * @param schedule how the learning rate changes over the epochs
 * @param resume continue the interrupted run of {@code out} from its last checkpoint, if there is one
 * @param skipCorrupt leave out corrupt shards of preprocessed data (listed in the metrics) instead of failing
 * @param driverReadLimit raw input (not preprocessed) of at most this many bytes is read on the driver; larger raw
 *     input of a run on Spark is written as shards first, which the executors read
 * @param cache what the executors keep of the shards they read for later epochs; null to choose by size
 * @param baseline also fit MLlib's logistic regression on the same split and report the model's margin over it
 * @param classifier for a GAN: the run folder of a trained classifier that judges its samples, or null
 */
public record TrainSettings(String model, Map<String, String> hyperparameters, Strategy strategy, String data, String out, int epochs, int batchSize,
        Integer globalBatch, Integer workers, int averagingFrequency, SharingSettings sharing, long seed, int trainLimit, int testLimit,
        EarlyStopping stopping, LearningRateSchedule schedule, boolean resume,
        boolean skipCorrupt, long driverReadLimit, ShardCache cache, boolean baseline, String classifier) {

    /** Raw input read on the driver unless told otherwise: 16 MiB. */
    public static final long DEFAULT_DRIVER_READ_LIMIT = 16L << 20;

    /** Validates every value. */
    public TrainSettings {
        InvalidSettingException.requireText("--model", model);
        hyperparameters = Map.copyOf(hyperparameters);
        if (strategy == null) {
            throw new InvalidSettingException("--strategy", "a value is required");
        }
        InvalidSettingException.requireText("--data", data);
        InvalidSettingException.requireText("--out", out);
        InvalidSettingException.atLeast("--epochs", epochs, 1);
        InvalidSettingException.atLeast("--batch", batchSize, 1);
        if (globalBatch != null) {
            InvalidSettingException.atLeast("--global-batch", globalBatch, 1);
        }
        if (workers != null) {
            InvalidSettingException.atLeast("--workers", workers, 1);
        }
        InvalidSettingException.atLeast("--averaging-frequency", averagingFrequency, 1);
        if (sharing.density() != null && !(sharing.density() > 0 && sharing.density() <= 1)) {
            throw new InvalidSettingException("--sharing-density", "must be above 0 and at most 1, got "
                    + sharing.density());
        }
        if (sharing.timeout().isNegative() || sharing.timeout().isZero()) {
            throw new InvalidSettingException("--sharing-timeout", "must be at least 1 second, got "
                    + sharing.timeout().toSeconds());
        }
        InvalidSettingException.atLeast("--train-limit", trainLimit, 1);
        InvalidSettingException.atLeast("--test-limit", testLimit, 1);
        if (driverReadLimit < 0) {
            throw new InvalidSettingException("--driver-read-limit", "must be at least 0 bytes, got "
                    + driverReadLimit);
        }
    }

    /** These settings with early stopping as {@code stopping} says. */
    public TrainSettings withStopping(EarlyStopping stopping) {
        return new TrainSettings(model, hyperparameters, strategy, data, out, epochs, batchSize, globalBatch, workers,
                averagingFrequency, sharing, seed, trainLimit, testLimit, stopping, schedule, resume, skipCorrupt,
                driverReadLimit, cache, baseline, classifier);
    }

    /**
     * Each worker's minibatch when {@code workers} train together: {@code batchSize}, or the global batch divided
     * among them (rounded up).
     *
     * @throws InvalidSettingException if the global batch is smaller than the number of workers
     */
    public int workerBatch(int workers) {
        if (globalBatch == null) {
            return batchSize;
        }
        if (globalBatch < workers) {
            throw new InvalidSettingException("--global-batch", "must be at least the number of workers ("
                    + workers + ") to give each a minibatch, got " + globalBatch);
        }
        return (globalBatch + workers - 1) / workers;
    }
}
