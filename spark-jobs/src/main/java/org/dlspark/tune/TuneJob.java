package org.dlspark.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.run.RunFolder;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.ProgressPrinter;
import org.dlspark.zoo.ModelZoo;

/**
 * The {@code tune} job: draws trials from a search space (random or grid), adds the model's defaults as a baseline
 * trial, runs every trial as one Spark task (a short training with early stopping, in the executor's JVM), ranks
 * them by validation accuracy and writes the table ({@code results.csv}, {@code results.md}) and the best
 * configuration as a file that {@code dlspark train --conf} accepts ({@code best.conf}).
 */
public final class TuneJob {

    /**
     * A tuning run's settings.
     *
     * @param model the zoo family
     * @param data the data folder
     * @param space the search-space file
     * @param trials trials to draw (random search)
     * @param search random or grid
     * @param runner how each trial trains
     * @param out the tuning folder to create
     * @param master the Spark master, or null for spark-submit's or local mode
     */
    public record Settings(String model, String data, Path space, int trials, String search, TrialRunner runner,
            Path out, String master) {

        /** Validates every value. */
        public Settings {
            InvalidSettingException.atLeast("--trials", trials, 1);
            if (!search.equals("random") && !search.equals("grid")) {
                throw new InvalidSettingException("--search", "must be random or grid, got '" + search + "'");
            }
            InvalidSettingException.atLeast("--epochs", runner.maxEpochs(), 1);
            InvalidSettingException.atLeast("--patience", runner.patience(), 1);
            InvalidSettingException.atLeast("--train-limit", runner.trainLimit(), 1);
            InvalidSettingException.atLeast("--test-limit", runner.testLimit(), 1);
        }
    }

    private final Settings settings;
    private final PrintStream out;

    public TuneJob(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs every trial and returns the results, best first. */
    public List<TrialResult> run() throws IOException {
        long start = System.nanoTime();
        List<Trial> trials = trials();
        try (RunFolder folder = RunFolder.start(settings.out());
                JavaSparkContext spark = SparkContexts.start("dlspark tune " + settings.model(), settings.master())) {
            out.printf(Locale.ROOT, "tuning %s: %d trials (%s search, plus the defaults), at most %d epochs each with "
                    + "patience %d, %d at a time on %s%n", settings.model(), trials.size() - 1, settings.search(),
                    settings.runner().maxEpochs(), settings.runner().patience(), spark.defaultParallelism(),
                    spark.master());
            TrialRunner runner = settings.runner();
            List<TrialResult> results = new ArrayList<>(spark.parallelize(trials, trials.size())
                    .map(trial -> runner.run(trial, System.out)).collect());
            results.sort(Comparator.comparingDouble((TrialResult r) -> Double.isNaN(r.validationAccuracy())
                    ? Double.NEGATIVE_INFINITY : r.validationAccuracy()).reversed()
                    .thenComparingInt(r -> r.trial().number()));
            TuneReport report = new TuneReport(settings.model(), results);
            report.write(folder);
            Path written = Path.of(folder.commit());
            out.println(report.markdown());
            out.printf(Locale.ROOT, "tuned in %s; best: trial %d; written to %s (best.conf: dlspark train --conf "
                    + "%s)%n", ProgressPrinter.format((System.nanoTime() - start) / 1e9),
                    results.get(0).trial().number(), written, written.resolve(TuneReport.BEST_FILE));
            return results;
        }
    }

    /** The baseline, then the drawn trials; every one checked against the model before any Spark work. */
    private List<Trial> trials() {
        SearchSpace space = SearchSpace.read(settings.space(), settings.model());
        List<Map<String, String>> points = settings.search().equals("grid") ? space.grid()
                : space.random(settings.trials(), settings.runner().seed());
        int defaultBatch = ModelZoo.create(settings.model()).defaultTraining().batchSize();
        List<Trial> trials = new ArrayList<>();
        trials.add(new Trial(0, Map.of(), defaultBatch));
        for (Map<String, String> point : points) {
            Map<String, String> hyperparameters = new LinkedHashMap<>(point);
            String batch = hyperparameters.remove(SearchSpace.BATCH);
            int batchSize = defaultBatch;
            if (batch != null) {
                try {
                    batchSize = (int) Math.round(Double.parseDouble(batch));
                } catch (NumberFormatException e) {
                    throw new InvalidSettingException("--space", "batch '" + batch + "' is not a number");
                }
                InvalidSettingException.atLeast("--space batch", batchSize, 1);
            }
            ModelZoo.create(settings.model(), hyperparameters);
            trials.add(new Trial(trials.size(), hyperparameters, batchSize));
        }
        return trials;
    }
}
