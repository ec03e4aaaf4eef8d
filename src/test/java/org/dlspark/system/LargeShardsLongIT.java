package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training data far larger than the driver (long-runs profile: about 20 minutes on two cores). Fashion-MNIST is
 * preprocessed as it is (about 200 MB of shards) and with 9 shifted copies of every training image (about 2 GB);
 * each strategy trains one epoch of each on a two-worker standalone cluster with a driver heap of 512 MB and
 * executor heaps of 1 GB, keeping nothing between epochs ({@code --cache none}, as {@code auto} chooses for the
 * larger set). The driver's peak heap and resident memory, and the executors' peak resident memory, stay within 20%
 * of each other between the two sizes: the data streams through the executors and never reaches the driver.
 */
class LargeShardsLongIT {

    /** How much the peaks may grow with ten times the data. */
    private static final double FLAT = 1.2;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster(2, "2g");

    @TempDir
    static Path dir;

    @BeforeAll
    static void preprocessBothSizes() throws Exception {
        for (int copies : new int[] {0, 9}) {
            DlSparkProcess.Outcome preprocess = DlSparkProcess.run(Map.of("DLSPARK_DRIVER_MEMORY", "6g"),
                    "preprocess", "--input", DlSparkProcess.FASHION_MNIST.toString(), "--format", "idx", "--output",
                    data(copies).toString(), "--val-fraction", "0", "--augment", Integer.toString(copies),
                    "--shards", Integer.toString(16 * (copies + 1)), "--master", "local[2]");
            assertEquals(0, preprocess.exitCode(), preprocess::toString);
        }
        assertTrue(bytes(data(9)) > 1_800_000_000L, "about 2 GB: " + bytes(data(9)));
        assertTrue(bytes(data(0)) < 250_000_000L, "about 200 MB: " + bytes(data(0)));
    }

    private static Path data(int copies) {
        return dir.resolve("fashion-mnist-x" + (copies + 1));
    }

    private static long bytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gradient-sharing", "parameter-averaging"})
    void memoryStaysFlatFrom200MbTo2Gb(String strategy) throws Exception {
        JsonNode small = train(strategy, 0);
        JsonNode large = train(strategy, 9);
        assertEquals(600_000, large.get("trainExamples").asLong());
        for (String peak : new String[] {"driverHeapBytes", "driverResidentBytes", "executorResidentBytes"}) {
            long before = small.get("memory").get(peak).asLong();
            long after = large.get("memory").get(peak).asLong();
            System.out.printf("%s %s: %,d bytes with 200 MB, %,d with 2 GB%n", strategy, peak, before, after);
            assertTrue(after <= FLAT * before, strategy + " " + peak + ": " + before + " -> " + after);
        }
    }

    private static JsonNode train(String strategy, int copies) throws Exception {
        Path run = dir.resolve(strategy + "-x" + (copies + 1));
        DlSparkProcess.Outcome train = DlSparkProcess.run(Map.of("DLSPARK_DRIVER_MEMORY", "512m"), "train",
                "--model", "cnn", "--data", data(copies).toString(), "--epochs", "1", "--strategy", strategy,
                "--workers", "2", "--master", CLUSTER.master(), "--baseline", "false", "--cache", "none",
                "--spark-conf", "spark.executor.memory=1g", "--out", run.toString());
        assertEquals(0, train.exitCode(), train::toString);
        assertFalse(train.log().contains("very large size"), "no task carries the data");
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        System.out.printf("%s on %,d images: test accuracy %.4f, %.0f examples/s, driver read %s%n", strategy,
                metrics.get("trainExamples").asLong(), metrics.get("accuracy").asDouble(),
                metrics.get("examplesPerSecond").asDouble(), metrics.get("driverBytesRead"));
        return metrics;
    }
}
