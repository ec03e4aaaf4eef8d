package org.dlspark.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFormatException;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardCache;
import org.dlspark.shard.ShardCheck;
import org.dlspark.shard.ShardPlan;
import org.dlspark.shard.ShardSlice;
import org.dlspark.shard.ShardStream;
import org.dlspark.shard.ShardedData;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A run's minibatches in a preprocessed data set's shards, which the executors read themselves: the driver holds
 * only the plan of which minibatches each split uses ({@link ShardPlan}), so a data set of any size trains with a
 * driver of fixed memory.
 *
 * @param train what the workers fit
 * @param validation what early stopping watches, or null when it is off
 * @param test what every epoch is evaluated on
 * @param batchSize the run's minibatch size
 * @param seed the run's seed, which deals the shards to the workers each epoch
 * @param skippedFiles the corrupt shards left out
 * @param cache what each worker keeps of what it read for later epochs
 */
public record ShardedBatches(ShardPlan train, ShardPlan validation, ShardPlan test, int batchSize, long seed,
        List<String> skippedFiles, ShardCache cache) implements RunBatches {

    /** The most training data per worker that {@code --cache auto} keeps in memory. */
    public static final long AUTO_MEMORY_CACHE_BYTES = 256L << 20;

    /** The share of the training minibatches held out for early stopping when the data has no validation split. */
    private static final double HELD_OUT_FOR_VALIDATION = 0.1;

    /**
     * Plans a run on {@code data} after the executors of {@code spark} checked every shard it uses against its
     * SHA-256: the training examples (a seeded subset of {@code trainLimit}), the validation split (or the last
     * tenth of the training minibatches when the data has none) when early stopping is on, the first
     * {@code testLimit} test examples.
     *
     * @param skipCorrupt leave corrupt shards out instead of failing
     * @param cache what the workers keep for later epochs, or null to keep the decoded minibatches in memory when
     *     a worker's share of the training data is at most {@link #AUTO_MEMORY_CACHE_BYTES}, else nothing
     * @param workers the run's workers
     * @throws DataFormatException naming the first corrupt shard, unless they are skipped
     * @throws InvalidSettingException naming {@code --patience} when too few minibatches are left to hold some out
     */
    public static ShardedBatches of(ShardedData data, int batchSize, int trainLimit, int testLimit, long seed,
            EarlyStopping stopping, boolean skipCorrupt, ShardCache cache, int workers, JavaSparkContext spark) {
        String folder = data.folder();
        Manifest manifest = data.manifest();
        boolean ownValidation = stopping.enabled() && data.hasValidationSplit();
        List<String> splits = ownValidation ? List.of("train", "validation", "test") : List.of("train", "test");
        List<ShardSlice> every = new ArrayList<>();
        splits.forEach(split -> every.addAll(ShardPlan.of(folder, manifest, split, Long.MAX_VALUE, null).slices()));
        Map<String, String> problems = ShardCheck.problems(spark, every);
        if (!problems.isEmpty() && !skipCorrupt) {
            throw new DataFormatException(problems.values().iterator().next());
        }
        Set<String> excluded = new LinkedHashSet<>(problems.keySet());
        ShardPlan train = nonEmpty(folder, "train", ShardPlan.of(folder, manifest, "train", trainLimit, seed,
                excluded));
        ShardPlan test = nonEmpty(folder, "test", ShardPlan.of(folder, manifest, "test", testLimit, null, excluded));
        ShardPlan validation = null;
        if (ownValidation) {
            validation = nonEmpty(folder, "validation", ShardPlan.of(folder, manifest, "validation", Long.MAX_VALUE,
                    null, excluded));
        } else if (stopping.enabled()) {
            if (train.storedBatches() < 2) {
                throw new InvalidSettingException("--patience", "early stopping needs a validation set, and "
                        + train.storedBatches() + " training minibatches are too few to hold one out");
            }
            List<ShardPlan> parts = train.holdOut(HELD_OUT_FOR_VALIDATION);
            train = parts.get(0);
            validation = parts.get(1);
        }
        ShardCache kept = cache != null ? cache : train.examples() * bytesPerExample(manifest) / workers
                <= AUTO_MEMORY_CACHE_BYTES ? ShardCache.MEMORY : ShardCache.NONE;
        return new ShardedBatches(train, validation, test, batchSize, seed, List.copyOf(problems.keySet()), kept);
    }

    /** About what one decoded example takes: its features, label and mask as 4-byte floats. */
    private static long bytesPerExample(Manifest manifest) {
        long features = 1;
        for (long dimension : manifest.featureShape()) {
            features *= dimension;
        }
        return Float.BYTES * (features + manifest.classes().size() + (manifest.masked() ? features : 0));
    }

    private static ShardPlan nonEmpty(String folder, String split, ShardPlan plan) {
        if (plan.slices().isEmpty()) {
            throw new DataFormatException(folder + ": every shard of the '" + split + "' split is corrupt");
        }
        return plan;
    }

    @Override
    public long trainExamples() {
        return train.examples();
    }

    @Override
    public long validationExamples() {
        return validation == null ? 0 : validation.examples();
    }

    @Override
    public Batches inThisJvm() {
        return new Batches(read(train), validation == null ? List.of() : read(validation), read(test));
    }

    private List<DataSet> read(ShardPlan plan) {
        List<DataSet> batches = new ArrayList<>();
        Iterator<DataSet> stream = new ShardStream(plan.slices(), seed, batchSize, false, ShardCache.NONE);
        stream.forEachRemaining(batches::add);
        return batches;
    }

    @Override
    public ExecutorBatches onExecutors(JavaSparkContext spark, int workers) {
        return new ShardedExecutorBatches(spark, this, workers);
    }
}
