package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded application jar runs under Spark's own SparkSubmit with nothing but Spark's jars beside it: the
 * spark-submit path a cluster user takes.
 */
class SparkSubmitIT {

    @TempDir
    Path dir;

    @Test
    void applicationJarTrainsUnderSparkSubmit() throws Exception {
        Path run = dir.resolve("run");
        DlSparkProcess.Outcome outcome = DlSparkProcess.runScript("scripts/spark-submit", "--master", "local[2]",
                "--class", "org.dlspark.cli.DlSpark", "spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar", "train",
                "--data", DlSparkProcess.FASHION_MNIST.toString(), "--epochs", "1",
                "--train-limit", "320", "--test-limit", "200", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stdout().contains("2 workers on local[2]"), outcome::toString);
        assertTrue(Files.isRegularFile(run.resolve("model.zip")), outcome::toString);
        assertTrue(Files.isRegularFile(run.resolve("metrics.json")), outcome::toString);
    }
}
