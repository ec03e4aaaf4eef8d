package org.dlspark.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dlspark.data.DataFormatException;

/**
 * What a distributed training run measured, as its {@code metrics.json} records it: the scaling model's input.
 *
 * @param folder the run folder
 * @param model the zoo family
 * @param strategy {@code gradient-sharing} or {@code parameter-averaging}
 * @param workers data-parallel workers
 * @param batchSize examples per worker per iteration
 * @param computeMillis time a worker spent computing per iteration
 * @param encodeMillis encoding per iteration
 * @param exchangeMillis exchanging per iteration, waiting for peers included
 * @param applyMillis applying per iteration
 * @param bytesPerIteration what one worker sent per iteration in all
 * @param denseBytes one dense update's bytes (4 per parameter)
 * @param exchange the exchange the run used, as {@code metrics.json} names it
 */
public record MeasuredRun(Path folder, String model, String strategy, int workers, int batchSize,
        double computeMillis, double encodeMillis, double exchangeMillis, double applyMillis,
        double bytesPerIteration, long denseBytes, String exchange) {

    /** Milliseconds per iteration in all. */
    public double iterationMillis() {
        return computeMillis + encodeMillis + exchangeMillis + applyMillis;
    }

    /** Training examples per second over the iterations: all workers' minibatches over the iteration time. */
    public double examplesPerSecond() {
        return workers * batchSize * 1000.0 / iterationMillis();
    }

    /**
     * Reads {@code folder}'s {@code metrics.json}.
     *
     * @throws DataFormatException naming the file and the field when it lacks one the model needs: a run in one JVM
     *     has no exchange to scale
     */
    public static MeasuredRun read(Path folder) throws IOException {
        Path file = folder.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file + ": no such file; pass the folder of a finished distributed run");
        }
        JsonNode metrics = new ObjectMapper().readTree(file.toFile());
        JsonNode profile = required(metrics, "iterationProfile", file);
        JsonNode communication = required(metrics, "communication", file);
        return new MeasuredRun(folder, required(metrics, "model", file).asText(),
                required(metrics, "strategy", file).asText(), required(metrics, "workers", file).asInt(),
                required(metrics, "batchSize", file).asInt(), required(profile, "computeMillis", file).asDouble(),
                required(profile, "encodeMillis", file).asDouble(),
                required(profile, "exchangeMillis", file).asDouble(),
                required(profile, "applyMillis", file).asDouble(),
                required(communication, "bytesPerIteration", file).asDouble(),
                required(communication, "denseBytes", file).asLong(),
                communication.path("exchange").asText(metrics.path("strategy").asText()));
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            throw new DataFormatException(file + ": no '" + field + "' (a run in one JVM has no exchange to scale, "
                    + "and runs before 2026-12-07 lack some figures)");
        }
        return value;
    }
}
