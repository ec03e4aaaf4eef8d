package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills one executor JVM of a two-worker standalone cluster in the middle of the second epoch, with each strategy:
 * the job finishes, and its test accuracy stays within 1 point of an undisturbed run's.
 */
class ExecutorLossIT {

    /** Epochs of 9,600 images take about 8 s on the test machine: the executor dies 2 s into the second. */
    private static final String[] RUN = {"--model", "cnn", "--epochs", "3", "--train-limit", "9600", "--test-limit",
        "500", "--sharing-timeout", "60", "--baseline", "false"};

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster();

    @ParameterizedTest
    @ValueSource(strings = {"parameter-averaging", "gradient-sharing"})
    void losingAnExecutorMidEpochStillFinishes(String strategy) throws Exception {
        Path undisturbed = dir.resolve(strategy + "-undisturbed");
        DlSparkProcess.Outcome reference = DlSparkProcess.run(args(strategy, undisturbed));
        assertEquals(0, reference.exitCode(), reference::toString);

        Path disturbed = dir.resolve(strategy + "-killed");
        Path log = dir.resolve(strategy + "-killed.log");
        Path sparkLogs = Files.createDirectories(dir.resolve(strategy + "-logs"));
        ProcessBuilder builder = new ProcessBuilder(args(DlSparkProcess.REPO.resolve("scripts/dlspark").toString(),
                strategy, disturbed)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DLSPARK_LOG_DIR", sparkLogs.toString());
        Process training = builder.start();
        DlSparkProcess.awaitOutput(training, log, "epoch 1/3", Duration.ofMinutes(10));
        Thread.sleep(2000);
        CLUSTER.anExecutor().destroyForcibly();
        assertTrue(training.waitFor(10, TimeUnit.MINUTES), "the job ended");
        assertEquals(0, training.exitValue(), () -> DlSparkProcess.readLog(log));
        assertTrue(DlSparkProcess.readLog(log).contains("running the epoch again from its start"),
                () -> DlSparkProcess.readLog(log));
        String sparkLog = DlSparkProcess.readLogs(sparkLogs);
        assertTrue(sparkLog.contains("Lost executor"), sparkLog);

        ObjectMapper json = new ObjectMapper();
        double expected = json.readTree(undisturbed.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        double actual = json.readTree(disturbed.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        System.out.printf("%s: an executor killed in epoch 2: test accuracy %.4f, undisturbed %.4f%n", strategy,
                actual, expected);
        assertTrue(Math.abs(actual - expected) <= 0.01, strategy + ": " + actual + " vs " + expected);
    }

    private static String[] args(String strategy, Path out) {
        return args(null, strategy, out);
    }

    private static String[] args(String script, String strategy, Path out) {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (script != null) {
            args.add(script);
        }
        args.add("train");
        args.addAll(java.util.List.of(RUN));
        args.addAll(java.util.List.of("--strategy", strategy, "--master", CLUSTER.master(), "--out",
                out.toString()));
        return args.toArray(String[]::new);
    }
}
