package org.dlspark.registry;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.model.TrainedModel;
import org.dlspark.spark.SparkContexts;

/**
 * The {@code registry promote} job: judges a candidate version against the version an alias points to, on the same
 * test examples over Spark ({@link PromotionGate}), and moves the alias only when the candidate beats it.
 */
public final class Promotion {

    /** How a promotion ended. */
    public enum Outcome {
        /** The alias points to the candidate already: nothing was judged. */
        ALREADY,
        /** The alias moved to the candidate. */
        PROMOTED,
        /** The candidate did not beat the current version; the alias stays. */
        REFUSED
    }

    /**
     * What to judge.
     *
     * @param name the registered model
     * @param version the candidate version
     * @param alias the alias to move
     * @param data the data whose test split judges both models, or null for the candidate's training data
     * @param limit judge on at most this many test examples
     * @param minGain the gain in accuracy the candidate must exceed
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers Spark tasks to judge with, or null for one per task slot
     */
    public record Settings(String name, int version, String alias, String data, int limit, double minGain,
            String master, Integer workers) {
    }

    /** How it ended, and why in words. */
    public record Result(Outcome outcome, String message) {
    }

    private final ModelRegistry registry;
    private final Settings settings;

    public Promotion(ModelRegistry registry, Settings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    /** Judges the candidate and moves the alias when it wins. */
    public Result run() throws IOException {
        String name = settings.name();
        int version = settings.version();
        String alias = settings.alias();
        registry.version(name, version);
        TrainedModel candidate = TrainedModel.load(registry.location(name, version));
        Optional<AliasRecord> current = registry.alias(name, alias);
        if (current.isPresent() && current.get().version() == version) {
            return new Result(Outcome.ALREADY, String.format(Locale.ROOT, "%s already points to %s version %d", alias,
                    name, version));
        }
        TrainedModel incumbent = current.isEmpty() ? null
                : TrainedModel.load(registry.location(name, current.get().version()));
        PromotionGate.Verdict verdict;
        try (JavaSparkContext spark = SparkContexts.start("dlspark registry promote", settings.master())) {
            verdict = new PromotionGate(spark, settings.workers() != null ? settings.workers()
                    : spark.defaultParallelism()).judge(candidate, incumbent, settings.data(), settings.limit(),
                    settings.minGain());
        }
        String against = current.map(c -> " over version " + c.version()).orElse("");
        if (!verdict.promote()) {
            return new Result(Outcome.REFUSED, String.format(Locale.ROOT, "refused: %s version %d stays off '%s'%s: "
                    + "%s", name, version, alias, against.replace("over", "held by"), verdict.reason()));
        }
        registry.moveAlias(name, alias, version, verdict.reason());
        return new Result(Outcome.PROMOTED, String.format(Locale.ROOT, "promoted: %s version %d is now '%s'%s: %s",
                name, version, alias, against, verdict.reason()));
    }
}
