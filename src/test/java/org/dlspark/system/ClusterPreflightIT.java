package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone cluster whose workers offer 1,500 MB each, less than the 2 GB DLSpark's executors ask by default:
 * Spark would wait for ever ("Initial job has not accepted any resources"); `train` refuses within seconds, naming
 * both amounts and the setting to change, and trains once it is changed. So do {@code evaluate}, {@code tune} and
 * {@code doctor}.
 */
class ClusterPreflightIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster(2, "1500m");

    @Test
    void executorsLargerThanTheWorkersAreRefusedAtOnce() throws Exception {
        Path run = dir.resolve("refused");
        long start = System.nanoTime();
        DlSparkProcess.Outcome refused = DlSparkProcess.run("train", "--master", CLUSTER.master(), "--workers", "2",
                "--epochs", "1", "--train-limit", "640", "--test-limit", "100", "--out", run.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(seconds < 30, "refused after " + seconds + " s");
        assertEquals("train: error: " + CLUSTER.master() + " cannot host one executor of this job (2 live workers); "
                + "each executor asks 2048 MB (spark.executor.memory) but the most any worker has free is 1500 MB: "
                + "give --spark-conf spark.executor.memory=1500m or less", refused.stderr().strip(),
                refused::toString);
        assertFalse(Files.exists(run), "a run folder was left behind");
    }

    @Test
    void otherCommandsAndTheDoctorAreRefusedAtOnceToo() throws Exception {
        Path model = dir.resolve("local-model");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--strategy", "single-jvm", "--epochs", "1",
                "--train-limit", "640", "--test-limit", "100", "--baseline", "false", "--out", model.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        String advice = "each executor asks 2048 MB (spark.executor.memory) but the most any worker has free is 1500 "
                + "MB: give --spark-conf spark.executor.memory=1500m or less";
        for (String[] command : new String[][] {
            {"evaluate", "--model", model.toString(), "--out", dir.resolve("evaluation").toString()},
            {"tune", "--space", DlSparkProcess.REPO.resolve("conf/tune/cnn.json").toString(), "--trials", "1",
                "--out", dir.resolve("tuning").toString()},
            {"doctor", "--workers", "2"}}) {
            long start = System.nanoTime();
            DlSparkProcess.Outcome refused = DlSparkProcess.run(DlSparkProcess.args(java.util.List.of(command),
                    "--master", CLUSTER.master()));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s refused after %.1f s%n", command[0], seconds);
            assertEquals(1, refused.exitCode(), refused::toString);
            assertTrue(seconds < 30, command[0] + " refused after " + seconds + " s");
            assertTrue(refused.consoleLines().stream().anyMatch(line -> line.contains(advice)), refused::toString);
        }
    }

    @Test
    void smallerExecutorsTrain() throws Exception {
        Path run = dir.resolve("trained");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--master", CLUSTER.master(), "--spark-conf",
                "spark.executor.memory=1g", "--workers", "2", "--epochs", "1", "--train-limit", "640",
                "--test-limit", "100", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(Files.exists(run.resolve("model.zip")), trained::toString);
    }
}
