package org.dlspark.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.dlspark.baseline.BaselineComparison;
import org.dlspark.run.PeakMemory;

/**
 * The content of a run's {@code metrics.json}: how it was trained, how fast, and how well the model does on the
 * test set ({@link TestFigures}). {@code communication} is what the workers sent per iteration (absent in one JVM); {@code iterationProfile}
 * where a distributed worker's iterations spent their time (absent in one JVM); {@code memory} the peak memory of the driver and of the executors; {@code skippedShards} the corrupt shards left out with
 * {@code --skip-corrupt} (absent when none were); {@code baseline} MLlib's logistic regression on the same split and
 * the model's margins over it (absent with {@code --baseline false}); {@code driverBytesRead} what the driver JVM read
 * through Hadoop's file systems, per scheme (on a cluster the executors, not the driver, read the training data).
 */
public record RunMetrics(String model, String strategy, String master, int workers, int epochs, int batchSize,
        long trainExamples, double trainSeconds, double examplesPerSecond,
        @JsonUnwrapped TestFigures test, List<EpochReport> history,
        @JsonInclude(JsonInclude.Include.NON_NULL) Communication communication,
        @JsonInclude(JsonInclude.Include.NON_NULL) IterationProfile iterationProfile, PeakMemory memory,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skippedShards,
        @JsonInclude(JsonInclude.Include.NON_NULL) BaselineComparison baseline, Map<String, Long> driverBytesRead) {
}
