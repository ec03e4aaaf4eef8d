package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a Spark standalone cluster (a master and two workers in separate JVMs, on loopback) with
 * scripts/spark-cluster, trains the seed CNN on it with each distributed strategy, and stops it. The gradient-sharing
 * run is repeated {@code -Ddlspark.it.sharingRuns=N} times (default 1) to show that it never hangs.
 */
class StandaloneClusterIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster();

    @Test
    void trainsWithParameterAveragingOnTwoWorkerJvms() throws Exception {
        JsonNode metrics = train("parameter-averaging", "pa", 1, 640);
        assertTrue(metrics.get("accuracy").asDouble() > 0.2, metrics.toString());
        // Each worker returns at least its parameters to the driver once per 5 minibatches: a fifth of the dense size.
        double ratio = metrics.get("communication").get("ratio").asDouble();
        assertTrue(ratio > 0.19 && ratio < 0.6, metrics.toString());
    }

    @Test
    void trainsWithGradientSharingOnTwoWorkerJvms() throws Exception {
        int runs = Integer.getInteger("dlspark.it.sharingRuns", 1);
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            JsonNode metrics = train("gradient-sharing", "gs" + run, 2, 1280);
            double ratio = metrics.get("communication").get("ratio").asDouble();
            System.out.printf("gradient sharing on the cluster, run %d of %d: accuracy %.4f, %.2f%% of the dense "
                    + "update per iteration, %.0f s%n", run, runs, metrics.get("accuracy").asDouble(), 100 * ratio,
                    (System.nanoTime() - start) / 1e9);
            // 20 iterations: far above chance (0.1), short of converged.
            assertTrue(metrics.get("accuracy").asDouble() > 0.35, metrics.toString());
            assertTrue(ratio <= 0.05, metrics.toString());
            assertEquals("sparse all-reduce", metrics.get("communication").get("exchange").asText());
        }
        scalingModelPredictsTheRunItWasCalibratedFrom(dir.resolve("gs1"));
    }

    /** {@code dlspark scaling} on a measured run: the run predicted exactly, the tables and the chart written. */
    private static void scalingModelPredictsTheRunItWasCalibratedFrom(Path run) throws Exception {
        Path out = dir.resolve("scaling");
        DlSparkProcess.Outcome scaled = DlSparkProcess.run("scaling", "--sharing", run.toString(), "--measured",
                run.toString(), "--workers", "2,64,1024", "--out", out.toString());
        assertEquals(0, scaled.exitCode(), scaled::toString);
        String tables = Files.readString(out.resolve("scaling.md"));
        assertTrue(tables.contains("| gs1 | 2 | sparse all-reduce | loopback |"), tables);
        assertTrue(tables.matches("(?s).*\\| [+-]0\\.0% \\|.*"), tables);
        assertTrue(tables.contains("| GPU | 100gbit/25us | dense ring all-reduce |"), tables);
        assertTrue(Files.size(out.resolve("scaling.png")) > 10_000, "the chart");
        DlSparkProcess.Outcome refused = DlSparkProcess.run("scaling", "--sharing", run.toString(), "--links",
                "fast", "--out", dir.resolve("refused").toString());
        assertTrue(refused.exitCode() != 0, refused::toString);
        assertTrue(refused.stderr().contains("--links") && refused.stderr().contains("'fast'"), refused::toString);
        assertTrue(Files.notExists(dir.resolve("refused")), "a folder was left");
    }

    private static JsonNode train(String strategy, String name, int epochs, int examples) throws Exception {
        Path run = dir.resolve(name);
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "cnn", "--master", CLUSTER.master(),
                "--strategy", strategy, "--epochs", Integer.toString(epochs), "--train-limit",
                Integer.toString(examples), "--test-limit", "500", "--sharing-timeout", "60", "--out",
                run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(trained.stdout().contains("2 workers on " + CLUSTER.master()), trained::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(CLUSTER.master(), metrics.get("master").asText());
        assertEquals(strategy, metrics.get("strategy").asText());
        assertEquals(500, metrics.get("examples").asInt());
        // The executors report their peak memory after each task (ExecutorPeaksPlugin); the driver reads its own.
        assertTrue(metrics.at("/memory/executorResidentBytes").asLong() > 100_000_000L, metrics.toString());
        assertTrue(metrics.at("/memory/executorHeapBytes").asLong() > 10_000_000L, metrics.toString());
        assertTrue(metrics.at("/memory/driverResidentBytes").asLong() > 100_000_000L, metrics.toString());
        return metrics;
    }
}
