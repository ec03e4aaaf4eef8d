package org.dlspark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A metrics.json of 1,000 examples whose epochs took the given seconds. */
    private static JsonNode metrics(double accuracy, String extra, double... epochSeconds) throws Exception {
        StringBuilder history = new StringBuilder();
        for (double seconds : epochSeconds) {
            history.append(history.length() == 0 ? "" : ",").append("{\"trainSeconds\":").append(seconds).append('}');
        }
        return JSON.readTree("{\"trainExamples\":1000,\"accuracy\":" + accuracy + ",\"history\":[" + history + "]"
                + extra + "}");
    }

    @Test
    void throughputComesFromTheMedianEpochSoTheWarmUpDoesNotCount() throws Exception {
        BenchResult result = BenchResult.of(BenchSetting.ONE_JVM_1_THREAD, metrics(0.8, "", 30, 10, 12));
        assertEquals(12, result.secondsPerEpoch(), 1e-9);
        assertEquals(1000 / 12.0, result.examplesPerSecond(), 1e-9);
        assertEquals(0, result.bytesPerIteration());
    }

    @Test
    void efficiencyAndAccuracyChangeAreAgainstOneThreadPerCore() throws Exception {
        BenchResult baseline = BenchResult.of(BenchSetting.ONE_JVM_1_THREAD, metrics(0.80, "", 10, 10, 10));
        BenchResult sharing = BenchResult.of(BenchSetting.SHARING_CLUSTER, metrics(0.81,
                ",\"communication\":{\"bytesPerIteration\":7480,\"ratio\":0.02},"
                + "\"memory\":{\"driverResidentBytes\":900000000,\"executorResidentBytes\":1500000000}", 8, 6, 6));
        BenchResult failed = BenchResult.failed(BenchSetting.AVERAGING_LOCAL, "train exited with status 1");
        BenchResult pair = BenchResult.sideBySide(BenchSetting.SIDE_BY_SIDE, List.of(
                BenchResult.of(BenchSetting.SIDE_BY_SIDE, metrics(0.7, "", 6, 5, 5)),
                BenchResult.of(BenchSetting.SIDE_BY_SIDE, metrics(0.7, "", 6, 8, 8))));
        BenchResult pyTorch = BenchResult.of(BenchSetting.PYTORCH_2_THREADS, metrics(0.79, "", 3, 2, 2));
        BenchReport report = new BenchReport(dir);
        BenchReport.ModelReport model = report.add(new BenchWorkload("cnn", "/d", 3, 64, 1000, 500), true,
                List.of(baseline, sharing, failed, pair, pyTorch));

        BenchReport.Row row = model.results().get(1);
        assertEquals((1000 / 6.0) / (2 * 100.0), row.scalingEfficiency(), 1e-9);
        assertEquals(0.01, row.accuracyChange(), 1e-9);
        // Of PyTorch: against PyTorch with as many cores (2 threads, 500 examples/s); none for one core.
        assertEquals((1000 / 6.0) / 500, row.ofPyTorch(), 1e-9);
        assertEquals(null, model.results().get(0).ofPyTorch());
        assertEquals(null, model.results().get(4).scalingEfficiency());
        String table = Files.readString(dir.resolve(BenchReport.TABLE_FILE));
        assertTrue(table.contains("| gradient sharing, cluster 2x1 core | 167 | 0.33 | 6.0 | 0.83 | 0.8100 (+0.0100) | "
                + "7,480 (2.00%) | 900 MB | 1,500 MB |"), table);
        assertTrue(table.contains("| one JVM, 1 thread | 100 |  | 10.0 | 1.00 |"), table);
        assertTrue(table.contains("| PyTorch, 2 threads | 500 |  | 2.0 |  | 0.7900 | 0 |"), table);
        assertTrue(table.contains("| parameter averaging, local[2] | failed: train exited with status 1"), table);
        // Side by side: 200 + 125 examples/s, the slower median epoch, no accuracy of its own.
        assertTrue(table.contains("| 325 | 0.65 | 8.0 | 1.63 | (each JVM alone) | 0 |"), table);
        assertTrue(Files.size(dir.resolve(BenchReport.CHART_FILE)) > 1000);
        JsonNode written = JSON.readTree(dir.resolve("cnn.json").toFile());
        assertEquals(0.83, written.at("/results/1/scalingEfficiency").asDouble(), 0.005);
        assertEquals("sharing-cluster", written.at("/results/1/setting").asText());
        assertFalse(written.at("/results/2/failure").isMissingNode());

        BenchReport later = BenchReport.keepingEarlier(dir);
        later.add(new BenchWorkload("lstm", "/t", 3, 128, Integer.MAX_VALUE, Integer.MAX_VALUE), false,
                List.of(baseline));
        String both = Files.readString(dir.resolve(BenchReport.TABLE_FILE));
        assertTrue(both.indexOf("### `cnn`") >= 0 && both.indexOf("### `cnn`") < both.indexOf("### `lstm`"), both);
        assertTrue(both.contains("| gradient sharing, cluster 2x1 core | 167 | 0.33 | 6.0 | 0.83 | 0.8100 (+0.0100) |"),
                both);
        assertEquals(table.substring(0, table.indexOf("Measured")), both.substring(0, both.indexOf("Measured")));
        assertTrue(both.contains("cores (each process bound to its setting's cores)"), both);
        assertTrue(both.contains("cores (processes not bound to cores)"), both);
    }

    @Test
    void efficiencyDividesByTheMeanOfTheBaselinesFirstAndLastRun() throws Exception {
        BenchResult first = BenchResult.of(BenchSetting.ONE_JVM_1_THREAD, metrics(0.80, "", 10, 10, 10));
        BenchResult sharing = BenchResult.of(BenchSetting.SHARING_CLUSTER, metrics(0.81, "", 6, 6, 6));
        BenchResult again = BenchResult.of(BenchSetting.ONE_JVM_1_THREAD_AGAIN, metrics(0.80, "", 12.5, 12.5, 12.5));
        BenchReport.ModelReport model = new BenchReport(dir).add(new BenchWorkload("cnn", "/d", 3, 64, 1000, 500),
                true, List.of(first, sharing, again));

        // 100 and 80 examples/s: the baseline is taken at 90, each of its runs off it by the host's drift.
        assertEquals(100 / 90.0, model.results().get(0).scalingEfficiency(), 1e-9);
        assertEquals((1000 / 6.0) / (2 * 90.0), model.results().get(1).scalingEfficiency(), 1e-9);
        assertEquals(80 / 90.0, model.results().get(2).scalingEfficiency(), 1e-9);
        assertEquals(0.01, model.results().get(1).accuracyChange(), 1e-9);
    }

    @Test
    void anUnreadableEarlierResultIsNamed() throws Exception {
        Files.writeString(dir.resolve("cnn.json"), "{\"results\": 3");
        IOException e = assertThrows(IOException.class, () -> BenchReport.keepingEarlier(dir));
        assertTrue(e.getMessage().contains("cnn.json"), e.getMessage());
    }
}
