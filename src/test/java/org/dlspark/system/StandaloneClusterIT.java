package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a Spark standalone cluster (a master and two workers in separate JVMs, on loopback) with
 * scripts/spark-cluster, trains the seed CNN on it with parameter averaging, and stops it.
 */
class StandaloneClusterIT {

    @TempDir
    Path dir;

    private Map<String, String> cluster() {
        return Map.of("DLSPARK_CLUSTER_DIR", dir.resolve("cluster").toString());
    }

    @AfterEach
    void stopCluster() throws Exception {
        DlSparkProcess.runScript(cluster(), "scripts/spark-cluster", "stop");
    }

    @Test
    void trainsOnTwoWorkerJvms() throws Exception {
        DlSparkProcess.Outcome started = DlSparkProcess.runScript(cluster(), "scripts/spark-cluster", "start",
                "--workers", "2", "--memory", "3g", "--port", Integer.toString(freePort()));
        assertEquals(0, started.exitCode(), started::toString);
        String master = started.stdout().strip();
        assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), started::toString);

        Path run = dir.resolve("run");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "cnn", "--master", master,
                "--epochs", "1", "--train-limit", "640", "--test-limit", "300", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(trained.stdout().contains("2 workers on " + master), trained::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(master, metrics.get("master").asText());
        assertEquals(300, metrics.get("examples").asInt());
        assertTrue(metrics.get("accuracy").asDouble() > 0.2, metrics.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
