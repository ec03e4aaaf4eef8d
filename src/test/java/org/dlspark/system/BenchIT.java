package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code dlspark bench} at a tiny scale on the settings that need no cluster (each a training JVM of its own)
 * and checks the table, the JSON and the chart it writes. {@code StandaloneClusterIT} covers the cluster runs.
 */
class BenchIT {

    @TempDir
    Path dir;

    @Test
    void benchmarksTheSettingsAndTabulatesThem() throws Exception {
        Path out = dir.resolve("bench");
        DlSparkProcess.Outcome bench = DlSparkProcess.run("bench", "--models", "cnn", "--settings",
                "one-jvm-1-thread,one-jvm-2-threads,averaging-local,one-jvm-1-thread-again", "--epochs", "2",
                "--train-limit", "640", "--test-limit", "200", "--data", "cnn=" + DlSparkProcess.FASHION_MNIST,
                "--out", out.toString());
        assertEquals(0, bench.exitCode(), bench::toString);
        assertTrue(bench.stdout().contains("cnn, one JVM, 2 threads: training"), bench::toString);

        JsonNode report = new ObjectMapper().readTree(out.resolve("cnn.json").toFile());
        JsonNode results = report.get("results");
        assertEquals(4, results.size(), report::toString);
        // The baseline's two runs are each measured against their mean.
        assertEquals(2.0, results.get(0).get("scalingEfficiency").asDouble()
                + results.get(3).get("scalingEfficiency").asDouble(), 1e-9);
        for (JsonNode result : results) {
            assertTrue(result.get("examplesPerSecond").asDouble() > 0, result::toString);
            assertTrue(result.get("testAccuracy").asDouble() > 0.2, result::toString);
            assertTrue(result.get("driverResidentBytes").asLong() > 100_000_000L, result::toString);
        }
        // Parameter averaging returns at least the parameters (373,288 bytes) every 5 minibatches; one JVM sends nothing.
        assertTrue(results.get(2).get("bytesPerIteration").asDouble() > 70_000, results::toString);
        assertEquals(0, results.get(0).get("bytesPerIteration").asDouble());

        String table = Files.readString(out.resolve("results.md"));
        assertTrue(table.contains("| parameter averaging, local[2] |") && table.contains("| in the driver |"), table);
        assertTrue(Files.size(out.resolve("examples-per-second.png")) > 1000);
        assertTrue(Files.isRegularFile(out.resolve("runs/cnn-one-jvm-2-threads/metrics.json")));
    }

    @Test
    void clusterSettingsNeedTheClustersUrlBeforeAnythingRuns() throws Exception {
        DlSparkProcess.Outcome bench = DlSparkProcess.run("bench", "--settings", "sharing-cluster", "--out",
                dir.resolve("never").toString());
        assertEquals(1, bench.exitCode(), bench::toString);
        assertTrue(bench.stderr().contains("--cluster"), bench::toString);
        assertTrue(Files.notExists(dir.resolve("never")));
    }
}
