package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gradient-sharing run on a two-worker standalone cluster while another process attacks its mesh: tcpdump
 * captures the workers' UDP traffic, and {@link MeshForger} sends every captured piece to both workers again
 * (replays, of this epoch and earlier ones), those pieces cut short, and random bytes, from the second epoch to
 * the end. The workers drop and count all of it: the run ends with the undisturbed run's accuracy and losses, and
 * {@code metrics.json} reports the pieces dropped. Within a run the replicas are identical, but two runs on this
 * two-core machine are not always bit for bit the same: in CI an undisturbed run once ended at 0.782 and the
 * attacked one at 0.786 (2 of 500 test images), as two undisturbed runs did once under load, while unloaded runs
 * repeat exactly. So the figures must agree within 1% (5 test images); a forged or replayed update that got
 * through would move them far more (random bytes as an update are not a small step).
 */
class ForgedTrafficIT {

    private static final String PORTS = "47800-47801";
    private static final List<String> RUN = List.of("train", "--model", "cnn", "--strategy", "gradient-sharing",
            "--epochs", "3", "--train-limit", "6400", "--test-limit", "500", "--baseline", "false", "--spark-conf",
            "spark.dlspark.mesh.ports=" + PORTS);

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster();

    @Test
    void forgedReplayedAndTruncatedPiecesChangeNothing() throws Exception {
        Path undisturbed = dir.resolve("undisturbed");
        DlSparkProcess.Outcome reference = DlSparkProcess.run(args(undisturbed));
        assertEquals(0, reference.exitCode(), reference::toString);

        Path capture = dir.resolve("mesh.pcap");
        Process tcpdump = new ProcessBuilder("tcpdump", "-i", "lo", "-U", "-s", "0", "-w", capture.toString(),
                "udp and (dst port 47800 or dst port 47801)").redirectErrorStream(true)
                .redirectOutput(dir.resolve("tcpdump.txt").toFile()).start();
        Process forger = null;
        Path attacked = dir.resolve("attacked");
        Path console = dir.resolve("attacked.txt");
        try {
            Process training = DlSparkProcess.start(console, args(attacked));
            DlSparkProcess.awaitOutput(training, console, "epoch 1/3", Duration.ofMinutes(5));
            forger = new ProcessBuilder(javaCommand(capture)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("forger.txt").toFile()).start();
            assertTrue(training.waitFor(10, TimeUnit.MINUTES), "the job ended");
            assertEquals(0, training.exitValue(), DlSparkProcess.readLog(console));
            assertTrue(forger.isAlive(), () -> DlSparkProcess.readLog(dir.resolve("forger.txt")));
        } finally {
            if (forger != null) {
                forger.destroyForcibly().waitFor();
            }
            tcpdump.destroy();
            tcpdump.waitFor(10, TimeUnit.SECONDS);
        }
        String forged = DlSparkProcess.readLog(dir.resolve("forger.txt"));
        assertTrue(forged.lines().anyMatch(line -> line.matches("forger: sent [1-9]\\d* .* [1-9]\\d* captured "
                + "pieces")), forged);

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(undisturbed.resolve("metrics.json").toFile());
        JsonNode actual = json.readTree(attacked.resolve("metrics.json").toFile());
        long rejected = actual.get("communication").get("rejectedPieces").asLong();
        System.out.printf("under attack: test accuracy %.4f (undisturbed %.4f), %d pieces dropped; forger: %s%n",
                actual.get("accuracy").asDouble(), expected.get("accuracy").asDouble(), rejected,
                forged.lines().reduce((first, second) -> second).orElse(""));
        assertEquals(expected.get("accuracy").asDouble(), actual.get("accuracy").asDouble(), 0.01);
        for (int epoch = 0; epoch < 3; epoch++) {
            JsonNode undisturbedEpoch = expected.get("history").get(epoch);
            JsonNode attackedEpoch = actual.get("history").get(epoch);
            String which = " of epoch " + (epoch + 1);
            assertEquals(undisturbedEpoch.get("testAccuracy").asDouble(), attackedEpoch.get("testAccuracy")
                    .asDouble(), 0.01, "test accuracy" + which);
            double loss = undisturbedEpoch.get("loss").asDouble();
            assertEquals(loss, attackedEpoch.get("loss").asDouble(), 0.01 * loss, "loss" + which);
        }
        assertTrue(rejected > 100, "pieces dropped: " + rejected);
        assertEquals(0, expected.get("communication").get("rejectedPieces").asLong());
    }

    private static String[] args(Path out) {
        List<String> args = new ArrayList<>(RUN);
        args.addAll(List.of("--master", CLUSTER.master(), "--out", out.toString()));
        return args.toArray(String[]::new);
    }

    /** The forger in a JVM of its own, on this test's class path, with the module flags Aeron needs. */
    private static List<String> javaCommand(Path capture) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + DlSparkProcess.REPO.resolve("conf/jvm.options"), "-cp",
                System.getProperty("java.class.path"), MeshForger.class.getName(), capture.toString(),
                "127.0.0.1:47800", "127.0.0.1:47801");
    }
}
