package org.dlspark.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns a stage's configured options into command-line arguments: {@code --key value}, {@code --hp NAME=value}. */
final class StageCommands {

    private static final String HYPERPARAMETER_PREFIX = "hp.";

    private StageCommands() {
    }

    /** {@code command} with {@code fixed} arguments, then {@code options} in key order. */
    static String[] of(List<String> command, Map<String, Object> options, String... fixed) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of(fixed));
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
