package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlspark doctor} on a two-worker standalone cluster with the mesh's UDP ports fixed to a range: every check
 * passes; with an nftables rule on loopback that drops UDP to one port of the range (added and removed by the
 * test, which runs as root, as CI does), the UDP check fails naming the blocked path, and the exit status is 1.
 */
class DoctorIT {

    private static final String TABLE = "dlspark_doctor_it";

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster();

    private static DlSparkProcess.Outcome doctor(String ports) throws Exception {
        return DlSparkProcess.run("doctor", "--master", CLUSTER.master(), "--workers", "2", "--strategy",
                "gradient-sharing", "--data", DlSparkProcess.FASHION_MNIST.toString(), "--out",
                dir.resolve("run").toString(), "--spark-conf", "spark.dlspark.mesh.ports=" + ports);
    }

    @Test
    void everyCheckPassesOnTheCluster() throws Exception {
        DlSparkProcess.Outcome healthy = doctor("47400-47401");
        assertEquals(0, healthy.exitCode(), healthy::toString);
        List<String> lines = healthy.consoleLines();
        for (String check : List.of("java", "native", "data", "output", "master", "udp", "aeron")) {
            assertTrue(lines.stream().anyMatch(line -> line.matches("ok +" + check + " .*")), check + ": " + lines);
        }
        assertTrue(lines.contains("doctor: all 7 checks passed"), lines::toString);
        assertTrue(healthy.logLines().isEmpty(), healthy::toString);
    }

    @Test
    void aBlockedUdpPathIsNamed() throws Exception {
        nft("add", "table", "inet", TABLE);
        try {
            nft("add", "chain", "inet", TABLE, "input", "{ type filter hook input priority 0; }");
            nft("add", "rule", "inet", TABLE, "input", "iif", "lo", "udp", "dport", "47501", "drop");
            DlSparkProcess.Outcome blocked = doctor("47500-47501");
            assertEquals(1, blocked.exitCode(), blocked::toString);
            String udp = blocked.consoleLines().stream().filter(line -> line.matches("FAIL +udp .*")).findFirst()
                    .orElseThrow(() -> new AssertionError(blocked.toString()));
            assertTrue(Pattern.compile("worker 0 \\(executor \\d+, 127\\.0\\.0\\.1:47500\\) -> worker 1 \\(executor "
                    + "\\d+, 127\\.0\\.0\\.1:47501\\)").matcher(udp).find(), udp);
            assertTrue(!udp.contains("-> worker 0"), "only the path into the blocked port: " + udp);
            assertTrue(blocked.consoleLines().contains("doctor: 1 of 7 checks failed"), blocked::toString);
        } finally {
            nft("delete", "table", "inet", TABLE);
        }
    }

    private static void nft(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("nft"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + ": " + output);
    }
}
