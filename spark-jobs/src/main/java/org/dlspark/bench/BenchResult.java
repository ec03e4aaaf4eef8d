package org.dlspark.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one setting measured, from its run's {@code metrics.json}. Throughput is taken from the median epoch, so
 * that the first (JIT compilation, Spark shipping the data to the executors) does not count.
 *
 * @param setting the setting's id
 * @param label the setting as the table shows it
 * @param failure why the run failed (its exit status and log), or null when it succeeded; the figures are then 0
 * @param examplesPerSecond training examples per second over the median epoch
 * @param secondsPerEpoch the median epoch's training time (evaluation excluded)
 * @param testAccuracy test accuracy after the last epoch, or null for processes side by side (each trained on
 *     half the examples)
 * @param bytesPerIteration bytes one worker sent per iteration in all (0 in one JVM)
 * @param denseRatio {@code bytesPerIteration} over the bytes of a dense update
 * @param driverResidentBytes the driver process's peak resident memory, or null where unknown
 * @param executorResidentBytes the largest executor process's peak resident memory, or null without executors
 *     of their own
 * @param profile where a distributed run's time went: a gradient-sharing iteration's or an averaging round's, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchResult(String setting, String label, String failure, double examplesPerSecond,
        double secondsPerEpoch, Double testAccuracy, double bytesPerIteration, double denseRatio,
        Long driverResidentBytes, Long executorResidentBytes, JsonNode profile) {

    /** The figures of a finished run of {@code setting}, read from its {@code metrics.json}. */
    public static BenchResult of(BenchSetting setting, JsonNode metrics) {
        List<Double> epochSeconds = new ArrayList<>();
        metrics.path("history").forEach(epoch -> epochSeconds.add(epoch.path("trainSeconds").asDouble()));
        if (epochSeconds.isEmpty()) {
            throw new IllegalArgumentException("the run of " + setting.id() + " recorded no epoch");
        }
        double seconds = median(epochSeconds);
        JsonNode communication = metrics.path("communication");
        JsonNode memory = metrics.path("memory");
        return new BenchResult(setting.id(), setting.label(), null,
                metrics.path("trainExamples").asDouble() / seconds, seconds, metrics.path("accuracy").asDouble(),
                communication.path("bytesPerIteration").asDouble(0), communication.path("ratio").asDouble(0),
                longOrNull(memory.get("driverResidentBytes")), longOrNull(memory.get("executorResidentBytes")),
                metrics.get("iterationProfile"));
    }

    /**
     * The figures of processes that trained side by side: their examples per second summed, the slowest median
     * epoch, the largest peak memory.
     */
    public static BenchResult sideBySide(BenchSetting setting, List<BenchResult> processes) {
        return new BenchResult(setting.id(), setting.label(), null,
                processes.stream().mapToDouble(BenchResult::examplesPerSecond).sum(),
                processes.stream().mapToDouble(BenchResult::secondsPerEpoch).max().orElse(0), null, 0, 0,
                processes.stream().map(BenchResult::driverResidentBytes).filter(Objects::nonNull)
                        .max(Long::compare).orElse(null), null, null);
    }

    /** A run of {@code setting} that failed. */
    public static BenchResult failed(BenchSetting setting, String why) {
        return new BenchResult(setting.id(), setting.label(), why, 0, 0, null, 0, 0, null, null, null);
    }

    /** Whether the run finished. */
    public boolean succeeded() {
        return failure == null;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static Long longOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asLong();
    }
}
