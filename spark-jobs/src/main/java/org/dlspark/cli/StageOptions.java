package org.dlspark.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a pipeline stage's configured options into the arguments of the stage's command, which parses and checks
 * them: {@code --key value}, {@code --hp NAME=value}.
 */
final class StageOptions {

    private static final String HYPERPARAMETER_PREFIX = "hp.";

    private StageOptions() {
    }

    /** {@code fixed} arguments, then {@code options} in key order. */
    static String[] of(Map<String, Object> options, String... fixed) {
        List<String> args = new ArrayList<>(List.of(fixed));
        for (Map.Entry<String, Object> option : new TreeMap<>(options).entrySet()) {
            String key = option.getKey();
            Object value = option.getValue();
            if (key.startsWith(HYPERPARAMETER_PREFIX)) {
                args.add("--hp");
                args.add(key.substring(HYPERPARAMETER_PREFIX.length()) + "=" + value);
            } else if (value instanceof Boolean flag) {
                if (flag) {
                    args.add("--" + key);
                }
            } else {
                args.add("--" + key);
                args.add(String.valueOf(value));
            }
        }
        return args.toArray(String[]::new);
    }
}
