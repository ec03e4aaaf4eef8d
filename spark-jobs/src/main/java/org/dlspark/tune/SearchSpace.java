package org.dlspark.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dlspark.io.Json;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.zoo.ModelZoo;

/**
 * The hyperparameters a tuning run explores, read from a JSON file: each key is one of the model's hyperparameters
 * ({@code dlspark zoo NAME}) or {@code batch}, each value one of {@code {"choice": [v1, v2, ...]}},
 * {@code {"uniform": [low, high]}} or {@code {"logUniform": [low, high]}}. Grid search takes choices only.
 */
public final class SearchSpace {

    /** The training option a space may vary besides the model's hyperparameters. */
    public static final String BATCH = "batch";

    /** One dimension: a list of choices, or a range sampled uniformly (on a log scale for logUniform). */
    record Dimension(List<Object> choice, List<Double> uniform, List<Double> logUniform) {
    }

    private final Map<String, Dimension> dimensions;

    private SearchSpace(Map<String, Dimension> dimensions) {
        this.dimensions = dimensions;
    }

    /**
     * Reads and checks the space in {@code file} for model {@code model}.
     *
     * @throws InvalidSettingException naming {@code --space}, the file and the key when it is unreadable or wrong
     */
    public static SearchSpace read(Path file, String model) {
        Map<String, Dimension> dimensions;
        try {
            dimensions = Json.parse(Files.readString(file), Json.mapOf(Dimension.class));
        } catch (IOException e) {
            throw new InvalidSettingException("--space", file + ": not a readable search space: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (dimensions == null || dimensions.isEmpty()) {
            throw new InvalidSettingException("--space", file + ": names no hyperparameter");
        }
        List<String> keys = ModelZoo.keys(model);
        for (Map.Entry<String, Dimension> entry : dimensions.entrySet()) {
            String key = entry.getKey();
            if (!key.equals(BATCH) && !keys.contains(key)) {
                throw new InvalidSettingException("--space", file + ": '" + key + "' is not a hyperparameter of "
                        + model + " (" + String.join(", ", keys) + ") nor batch");
            }
            check(file, key, entry.getValue());
        }
        return new SearchSpace(new LinkedHashMap<>(dimensions));
    }

    private static void check(Path file, String key, Dimension d) {
        int kinds = (d.choice() != null ? 1 : 0) + (d.uniform() != null ? 1 : 0) + (d.logUniform() != null ? 1 : 0);
        String where = file + ": '" + key + "' ";
        if (kinds != 1) {
            throw new InvalidSettingException("--space", where + "needs exactly one of choice, uniform, logUniform");
        }
        if (d.choice() != null && d.choice().isEmpty()) {
            throw new InvalidSettingException("--space", where + "has no choices");
        }
        List<Double> range = d.uniform() != null ? d.uniform() : d.logUniform();
        if (range != null && (range.size() != 2 || !(range.get(0) <= range.get(1))
                || (d.logUniform() != null && range.get(0) <= 0))) {
            throw new InvalidSettingException("--space", where + "needs [low, high] with low <= high"
                    + (d.logUniform() != null ? " and low > 0" : ""));
        }
    }

    /** {@code trials} points drawn at random, seeded by {@code seed}. */
    public List<Map<String, String>> random(int trials, long seed) {
        Random random = new Random(seed);
        List<Map<String, String>> points = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, String> point = new LinkedHashMap<>();
            dimensions.forEach((key, d) -> point.put(key, sample(d, random)));
            points.add(point);
        }
        return points;
    }

    /**
     * Every combination of the choices.
     *
     * @throws InvalidSettingException naming {@code --search} when a dimension is a range
     */
    public List<Map<String, String>> grid() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, Dimension> entry : dimensions.entrySet()) {
            if (entry.getValue().choice() == null) {
                throw new InvalidSettingException("--search", "grid takes choices only; '" + entry.getKey()
                        + "' is a range");
            }
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> point : points) {
                for (Object value : entry.getValue().choice()) {
                    Map<String, String> next = new LinkedHashMap<>(point);
                    next.put(entry.getKey(), String.valueOf(value));
                    extended.add(next);
                }
            }
            points = extended;
        }
        return points;
    }

    private static String sample(Dimension d, Random random) {
        if (d.choice() != null) {
            return String.valueOf(d.choice().get(random.nextInt(d.choice().size())));
        }
        if (d.uniform() != null) {
            return Double.toString(d.uniform().get(0) + random.nextDouble() * (d.uniform().get(1) - d.uniform().get(0)));
        }
        double low = Math.log(d.logUniform().get(0));
        double high = Math.log(d.logUniform().get(1));
        return Double.toString(Math.exp(low + random.nextDouble() * (high - low)));
    }
}
