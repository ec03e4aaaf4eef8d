package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient sharing with four workers, each an executor JVM of a standalone cluster on loopback: it must learn as
 * well as with two, and a run that diverges must stop with one clear message.
 */
class GradientSharingScalingIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster(4);

    /**
     * 16,000 images, one epoch (63 rounds of 4 minibatches): 0.756 on 4 workers, against 0.773 on 2. When each
     * round was applied one iteration late, the stale sums overshot: 0.687 on 4 workers (0.276 on 8).
     */
    @Test
    void fourWorkersLearnAsWellAsTwo() throws Exception {
        Path run = dir.resolve("four");
        DlSparkProcess.Outcome trained = train(run, "--train-limit", "16000");
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(trained.stdout().contains("4 workers on " + CLUSTER.master()), trained::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertTrue(metrics.get("accuracy").asDouble() >= 0.72, metrics.toString());
    }

    @Test
    void aDivergingRunStopsWithOneClearMessage() throws Exception {
        Path run = dir.resolve("diverging");
        DlSparkProcess.Outcome trained = train(run, "--train-limit", "4000", "--hp", "learningRate=1");
        assertEquals(1, trained.exitCode(), trained::toString);
        String[] lines = trained.stderr().strip().split("\n");
        String error = lines[lines.length - 1];
        assertTrue(error.startsWith("train: error: training diverged: the loss"), trained::toString);
        assertTrue(error.contains("at epoch 1, iteration"), trained::toString);
        assertFalse(trained.stderr().contains("\tat "), "a stack trace: " + trained);
        assertFalse(Files.exists(run.resolve("model.zip")), "a model was written");
    }

    private static DlSparkProcess.Outcome train(Path run, String... options) throws Exception {
        return DlSparkProcess.run(DlSparkProcess.args(java.util.List.of("train", "--model", "cnn", "--master",
                CLUSTER.master(), "--strategy", "gradient-sharing", "--workers", "4", "--epochs", "1",
                "--test-limit", "1000", "--sharing-timeout", "60", "--out", run.toString()), options));
    }
}
