package org.dlspark.tune;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dlspark.io.Json;
import org.dlspark.run.RunFolder;

/**
 * A tuning run's results, best first: {@code results.csv}, {@code results.md}, {@code tune.json}, and the best trial
 * as {@code best.conf}, a properties file of {@code dlspark train} options ({@code model}, {@code batch},
 * {@code hp.NAME}).
 */
final class TuneReport {

    static final String BEST_FILE = "best.conf";

    private final String model;
    private final List<TrialResult> results;
    private final List<String> keys;

    TuneReport(String model, List<TrialResult> results) {
        this.model = model;
        this.results = results;
        Set<String> all = new LinkedHashSet<>();
        results.forEach(r -> all.addAll(r.trial().hyperparameters().keySet()));
        this.keys = new ArrayList<>(all);
    }

    void write(RunFolder folder) throws IOException {
        writeCsv(folder.resolve("results.csv"));
        Files.writeString(folder.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
        Json.write(folder.resolve("tune.json"), results);
        Files.writeString(folder.resolve(BEST_FILE), bestConf(), StandardCharsets.UTF_8);
    }

    /** The table in Markdown, best first. */
    String markdown() {
        StringBuilder table = new StringBuilder("| rank | trial | validation accuracy | test accuracy | epochs | "
                + "seconds | batch |");
        keys.forEach(k -> table.append(' ').append(k).append(" |"));
        table.append("\n|---|---|---|---|---|---|---|").append("---|".repeat(keys.size())).append('\n');
        for (int i = 0; i < results.size(); i++) {
            TrialResult r = results.get(i);
            table.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %d | %.0f | %d |", i + 1,
                    r.trial().number() == 0 ? "0 (defaults)" : Integer.toString(r.trial().number()),
                    figure(r.validationAccuracy(), r.error()), figure(r.testAccuracy(), null), r.epochs(), r.seconds(),
                    r.trial().batchSize()));
            keys.forEach(k -> table.append(' ').append(r.trial().hyperparameters().getOrDefault(k, "default"))
                    .append(" |"));
            table.append('\n');
        }
        return table.toString();
    }

    private static String figure(double value, String error) {
        return Double.isNaN(value) ? (error != null ? "failed: " + error.replace('|', '/') : "-")
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private void writeCsv(java.nio.file.Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : List.of("rank", "trial", "validation_accuracy", "test_accuracy", "epochs", "seconds",
                "batch")) {
            schema.addColumn(column);
        }
        keys.forEach(schema::addColumn);
        schema.addColumn("error");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                SequenceWriter rows = new CsvMapper().writer(schema.build()).writeValues(writer)) {
            for (int i = 0; i < results.size(); i++) {
                TrialResult r = results.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rank", i + 1);
                row.put("trial", r.trial().number());
                row.put("validation_accuracy", r.validationAccuracy());
                row.put("test_accuracy", r.testAccuracy());
                row.put("epochs", r.epochs());
                row.put("seconds", Math.round(r.seconds()));
                row.put("batch", r.trial().batchSize());
                keys.forEach(k -> row.put(k, r.trial().hyperparameters().getOrDefault(k, "")));
                row.put("error", r.error() == null ? "" : r.error());
                rows.write(row);
            }
        }
    }

    private String bestConf() {
        TrialResult best = results.get(0);
        StringBuilder conf = new StringBuilder(String.format(Locale.ROOT, "# dlspark tune %s: trial %d, best of %d "
                + "by validation accuracy (%.4f; test accuracy %.4f)%n# use: dlspark train --conf best.conf%n",
                Instant.now(), best.trial().number(), results.size(), best.validationAccuracy(), best.testAccuracy()));
        conf.append("model=").append(model).append('\n');
        conf.append("batch=").append(best.trial().batchSize()).append('\n');
        best.trial().hyperparameters().forEach((k, v) -> conf.append("hp.").append(k).append('=').append(v)
                .append('\n'));
        return conf.toString();
    }
}
