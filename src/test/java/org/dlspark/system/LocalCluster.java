package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Spark standalone cluster for a test class: a master and two workers in separate JVMs on loopback, started and
 * stopped with scripts/spark-cluster, its logs and state in {@code folder}.
 */
final class LocalCluster {

    private final Path folder;
    private final String master;

    private LocalCluster(Path folder, String master) {
        this.folder = folder;
        this.master = master;
    }

    /** Starts the cluster, its files in {@code folder}, on a free port. */
    static LocalCluster start(Path folder) throws Exception {
        DlSparkProcess.Outcome started = DlSparkProcess.runScript(environment(folder), "scripts/spark-cluster",
                "start", "--workers", "2", "--memory", "3g", "--port", Integer.toString(freePort()));
        assertEquals(0, started.exitCode(), started::toString);
        String master = started.stdout().strip();
        assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), started::toString);
        return new LocalCluster(folder, master);
    }

    /** The master URL. */
    String master() {
        return master;
    }

    /** The folder of the cluster's files (its JVMs' command lines name it). */
    Path folder() {
        return folder;
    }

    void stop() throws Exception {
        DlSparkProcess.runScript(environment(folder), "scripts/spark-cluster", "stop");
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
