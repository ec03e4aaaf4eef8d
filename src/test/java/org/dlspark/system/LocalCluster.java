package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dlspark.io.FileTrees;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Spark standalone cluster for a test class, registered as a static {@code @RegisterExtension} field: a master
 * and one-core workers in separate JVMs on loopback, started with scripts/spark-cluster before the class's tests
 * and stopped after them, its logs and state in a temporary folder.
 */
final class LocalCluster implements BeforeAllCallback, AfterAllCallback {

    private final int workers;
    private final String memory;
    private Path folder;
    private String master;

    /** A cluster of two workers. */
    LocalCluster() {
        this(2);
    }

    /** A cluster of {@code workers} workers, each offering 3 GB to executors. */
    LocalCluster(int workers) {
        this(workers, "3g");
    }

    /** A cluster of {@code workers} workers, each offering {@code memory} (such as 1500m) to executors. */
    LocalCluster(int workers, String memory) {
        this.workers = workers;
        this.memory = memory;
    }

    /** Starts the cluster, its files in a new temporary folder, on a free port. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("dlspark-cluster-");
        DlSparkProcess.Outcome started = DlSparkProcess.runScript(environment(folder), "scripts/spark-cluster",
                "start", "--workers", Integer.toString(workers), "--memory", memory, "--port",
                Integer.toString(freePort()));
        assertEquals(0, started.exitCode(), started::toString);
        master = started.stdout().strip();
        assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), started::toString);
    }

    /** Stops the cluster and removes its folder. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        DlSparkProcess.runScript(environment(folder), "scripts/spark-cluster", "stop");
        FileTrees.delete(folder);
    }

    /** The master URL. */
    String master() {
        return master;
    }

    /** The folder of the cluster's files (its JVMs' command lines name it). */
    Path folder() {
        return folder;
    }

    /** One executor JVM the cluster runs now. */
    ProcessHandle anExecutor() {
        String clusterDir = folder.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("CoarseGrainedExecutorBackend") && c.contains(clusterDir)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no executor JVM of the cluster"));
    }

    private static Map<String, String> environment(Path folder) {
        return Map.of("DLSPARK_CLUSTER_DIR", folder.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
