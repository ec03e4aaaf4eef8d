package org.dlspark.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dlspark.io.Json;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.zoo.ModelZoo;

/**
 * A retraining pipeline, read from a JSON file: where new data arrives, how to preprocess it, which model to train
 * and how, and where to register and promote the result. {@code preprocess}, {@code train} and {@code promote} hold
 * options of the commands of the same names, by their long names without dashes ({@code "epochs": 5},
 * {@code "hp.learningRate": 0.001} for a hyperparameter), passed to them as given.
 *
 * @param name the pipeline's name, also the registered model's name
 * @param input the raw data (Hadoop path): IDX files, an email corpus, or labelled texts
 * @param format the input's format for {@code preprocess}: idx, emails or texts
 * @param model the zoo family to train
 * @param work the local folder holding the pipeline's runs, state and lock
 * @param registry the model registry (Hadoop path)
 * @param alias the alias the promotion moves
 * @param master the Spark master of every stage, or null for spark-submit's or local mode
 * @param preprocess options of {@code dlspark preprocess}
 * @param train options of {@code dlspark train}
 * @param promote options of {@code dlspark registry promote}
 */
public record PipelineConfig(String name, String input, String format, String model, String work, String registry,
        String alias, String master, Map<String, Object> preprocess, Map<String, Object> train,
        Map<String, Object> promote) {

    /** Options the pipeline sets itself, which a configuration may not. */
    private static final List<String> OWN_OPTIONS = List.of("input", "format", "output", "out", "model", "data",
            "master", "resume", "name", "version", "registry", "alias", "overwrite", "conf");

    /** Validates every value, naming the key. */
    public PipelineConfig {
        require("name", name);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidSettingException("name", "'" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        require("input", input);
        require("format", format);
        if (!List.of("idx", "emails", "texts").contains(format)) {
            throw new InvalidSettingException("format", "must be idx, emails or texts, got '" + format + "'");
        }
        require("model", model);
        ModelZoo.family(model);
        require("work", work);
        require("registry", registry);
        alias = alias == null ? "production" : alias;
        preprocess = options("preprocess", preprocess);
        train = options("train", train);
        promote = options("promote", promote);
    }

    private static void require(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(key, "a value is required");
        }
    }

    private static Map<String, Object> options(String stage, Map<String, Object> options) {
        if (options == null) {
            return Map.of();
        }
        for (String key : options.keySet()) {
            if (OWN_OPTIONS.contains(key)) {
                throw new InvalidSettingException(stage + "." + key, "is set by the pipeline itself");
            }
        }
        return Map.copyOf(options);
    }

    /**
     * Reads the configuration in {@code file}.
     *
     * @throws InvalidSettingException naming the file (and key) when it is unreadable or invalid
     */
    public static PipelineConfig read(Path file) {
        try {
            return Json.parse(Files.readString(file), PipelineConfig.class);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof InvalidSettingException ? e.getCause() : e;
            throw new InvalidSettingException("--config", file + ": " + String.valueOf(cause.getMessage()).lines()
                    .findFirst().orElse(""));
        }
    }

    /** The work folder as a path. */
    public Path workFolder() {
        return Path.of(work);
    }
}
