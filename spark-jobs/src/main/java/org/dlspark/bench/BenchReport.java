package org.dlspark.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.dlspark.io.Json;
import org.dlspark.plot.ThroughputChart;
import org.dlspark.run.CodeVersion;

/**
 * Writes what the benchmark measured: {@code MODEL.json} per model, {@code results.md} with one table per model,
 * and {@code examples-per-second.png}, each replaced whole after every setting; {@link #keepingEarlier} keeps the
 * tables of models measured before. Scaling efficiency is a setting's examples per second over what its cores
 * would train at the speed of one JVM with one thread (the mean of its runs); the accuracy change is against that
 * JVM too. "Of PyTorch" is a setting's examples per second over PyTorch's with as many cores.
 */
public final class BenchReport {

    /** The file names the report writes. */
    public static final String TABLE_FILE = "results.md";
    public static final String CHART_FILE = "examples-per-second.png";

    /** One model's results, as its JSON file holds them. */
    public record ModelReport(String model, BenchWorkload workload, String codeVersion, String measuredAt,
            int availableProcessors, String javaVersion, boolean pinnedCores, List<Row> results) {
    }

    /**
     * One setting's result with the figures derived from the one-thread baseline (null without one, and for
     * PyTorch's rows) and from PyTorch's run on as many cores (null without one).
     */
    public record Row(@JsonUnwrapped BenchResult result, Double scalingEfficiency, Double accuracyChange,
            Double ofPyTorch) {
    }

    private final Path folder;
    private final List<ModelReport> reports = new ArrayList<>();

    /** @param folder where the files go */
    public BenchReport(Path folder) {
        this.folder = folder;
    }

    /**
     * A report that starts with the models whose {@code MODEL.json} is in {@code folder} already, so that a run of
     * some models rewrites the others' tables as they were measured (each table names its date and code version).
     *
     * @throws IOException naming the file when one cannot be read as a model's results
     */
    public static BenchReport keepingEarlier(Path folder) throws IOException {
        BenchReport report = new BenchReport(folder);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    report.reports.add(read(file));
                }
            }
        }
        return report;
    }

    /** A model's results from its JSON file, the derived figures computed again. */
    private static ModelReport read(Path file) throws IOException {
        try {
            JsonNode tree = Json.parse(Files.readString(file), JsonNode.class);
            List<BenchResult> results = new ArrayList<>();
            for (JsonNode row : tree.path("results")) {
                ObjectNode figures = ((ObjectNode) row).deepCopy();
                figures.remove(List.of("scalingEfficiency", "accuracyChange", "ofPyTorch"));
                results.add(Json.parse(figures.toString(), BenchResult.class));
            }
            return new ModelReport(tree.path("model").asText(), Json.parse(tree.path("workload").toString(),
                    BenchWorkload.class), tree.path("codeVersion").asText(), tree.path("measuredAt").asText(),
                    tree.path("availableProcessors").asInt(), tree.path("javaVersion").asText(),
                    tree.path("pinnedCores").asBoolean(false), rows(results));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the benchmark results in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds a model's results and rewrites every file, so that a benchmark cut short keeps what it measured.
     *
     * @param pinnedCores whether each process was bound to its setting's CPUs
     */
    public ModelReport add(BenchWorkload workload, boolean pinnedCores, List<BenchResult> results)
            throws IOException {
        ModelReport report = new ModelReport(workload.model(), workload, CodeVersion.current(),
                Instant.now().toString(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), pinnedCores, rows(results));
        int earlier = reports.stream().map(ModelReport::model).toList().indexOf(workload.model());
        if (earlier >= 0) {
            reports.set(earlier, report);
        } else {
            reports.add(report);
        }
        Files.createDirectories(folder);
        replace(workload.model() + ".json", file -> Json.write(file, report));
        replace(TABLE_FILE, file -> Files.writeString(file, markdown(), StandardCharsets.UTF_8));
        replace(CHART_FILE, file -> ThroughputChart.write("training throughput per setting", bars(), file));
        return report;
    }

    /** Writes something to a file. */
    @FunctionalInterface
    private interface FileWriter {
        void write(Path file) throws IOException;
    }

    /** Replaces the file {@code name} by what {@code writer} writes, so that a reader never sees it half-written. */
    private void replace(String name, FileWriter writer) throws IOException {
        Path staged = folder.resolve("." + name + ".tmp");
        writer.write(staged);
        Files.move(staged, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The baseline's figures: the mean speed of its runs, the accuracy of its first. */
    private record Baseline(double examplesPerSecond, Double testAccuracy) {
    }

    /**
     * Each result with its figures against the baseline: examples per second over the mean of the baseline's runs
     * (first and last, so that a host whose speed drifted during the benchmark is taken at its middle), accuracy
     * against the baseline's first run.
     */
    private static List<Row> rows(List<BenchResult> results) {
        List<BenchResult> runs = results.stream().filter(BenchResult::succeeded)
                .filter(r -> BenchSetting.byId(r.setting()).isBaseline()).toList();
        Baseline baseline = runs.isEmpty() ? null : new Baseline(
                runs.stream().mapToDouble(BenchResult::examplesPerSecond).average().orElseThrow(),
                runs.get(0).testAccuracy());
        Map<Integer, Double> pyTorch = new HashMap<>();
        results.stream().filter(BenchResult::succeeded).filter(r -> BenchSetting.byId(r.setting()).isPeer())
                .forEach(r -> pyTorch.put(BenchSetting.byId(r.setting()).cores(), r.examplesPerSecond()));
        return results.stream().map(result -> row(result, baseline, pyTorch)).toList();
    }

    private static Row row(BenchResult result, Baseline baseline, Map<Integer, Double> pyTorch) {
        BenchSetting setting = BenchSetting.byId(result.setting());
        if (!result.succeeded() || setting.isPeer()) {
            return new Row(result, null, null, null);
        }
        Double peer = pyTorch.get(setting.cores());
        Double ofPyTorch = peer == null ? null : result.examplesPerSecond() / peer;
        if (baseline == null) {
            return new Row(result, null, null, ofPyTorch);
        }
        return new Row(result, result.examplesPerSecond() / (setting.cores() * baseline.examplesPerSecond()),
                result.testAccuracy() == null ? null : result.testAccuracy() - baseline.testAccuracy(), ofPyTorch);
    }

    /** Every model's table, as Markdown. */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        for (ModelReport report : reports) {
            BenchWorkload w = report.workload();
            text.append(String.format(Locale.ROOT, "### `%s`: %s training examples, %d epochs, %d examples per "
                    + "iteration, %s test examples%n%n", w.model(), count(w.trainLimit()), w.epochs(), w.batchSize(),
                    count(w.testLimit())));
            text.append("| setting | examples/s | of PyTorch | s/epoch | scaling efficiency | test accuracy (change) "
                    + "| bytes sent per iteration (of dense) | driver peak RSS | executor peak RSS |\n");
            text.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Row row : report.results()) {
                text.append(line(row));
            }
            text.append(String.format(Locale.ROOT, "%nMeasured %s on %d cores (%s), Java %s, DLSpark %s.%n%n",
                    report.measuredAt(), report.availableProcessors(), report.pinnedCores()
                            ? "each process bound to its setting's cores" : "processes not bound to cores",
                    report.javaVersion(), report.codeVersion()));
        }
        return text.toString();
    }

    private static String line(Row row) {
        BenchResult r = row.result();
        if (!r.succeeded()) {
            return "| " + r.label() + " | failed: " + r.failure() + " | | | | | | | |\n";
        }
        return String.format(Locale.ROOT, "| %s | %.0f | %s | %.1f | %s | %s%s | %s | %s | %s |%n", r.label(),
                r.examplesPerSecond(),
                row.ofPyTorch() == null ? "" : String.format(Locale.ROOT, "%.2f", row.ofPyTorch()),
                r.secondsPerEpoch(),
                row.scalingEfficiency() == null ? "" : String.format(Locale.ROOT, "%.2f", row.scalingEfficiency()),
                r.testAccuracy() == null ? "(each JVM alone)"
                        : String.format(Locale.ROOT, "%.4f", r.testAccuracy()),
                row.accuracyChange() == null ? "" : String.format(Locale.ROOT, " (%+.4f)", row.accuracyChange()),
                r.bytesPerIteration() == 0 ? "0" : String.format(Locale.ROOT, "%,.0f (%.2f%%)",
                        r.bytesPerIteration(), 100 * r.denseRatio()),
                megabytes(r.driverResidentBytes()), executorMemory(r));
    }

    private static String executorMemory(BenchResult result) {
        return switch (BenchSetting.byId(result.setting()).where()) {
            case THIS_JVM, SIDE_BY_SIDE, PEER -> "no executors";
            case LOCAL -> "in the driver";
            case CLUSTER -> megabytes(result.executorResidentBytes());
        };
    }

    private static String count(int limit) {
        return limit == Integer.MAX_VALUE ? "all" : String.format(Locale.ROOT, "%,d", limit);
    }

    private static String megabytes(Long bytes) {
        return bytes == null ? "unknown" : String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }

    private List<ThroughputChart.Bar> bars() {
        List<ThroughputChart.Bar> bars = new ArrayList<>();
        for (ModelReport report : reports) {
            for (Row row : report.results()) {
                bars.add(new ThroughputChart.Bar(report.model(), row.result().label(),
                        row.result().examplesPerSecond()));
            }
        }
        return bars;
    }
}
