package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run killed (SIGKILL) after its first checkpoint is continued with {@code --resume} and ends like an
 * uninterrupted run: same epochs in its history, same test accuracy.
 */
class ResumeIT {

    @TempDir
    Path dir;

    @Test
    void killedRunResumesFromItsLastCheckpoint() throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        List<String> options = List.of("train", "--model", "cnn", "--strategy", "single-jvm", "--epochs", "3",
                "--batch", "8", "--data", data.toString());

        Path uninterrupted = dir.resolve("uninterrupted");
        DlSparkProcess.Outcome whole = DlSparkProcess.run(DlSparkProcess.args(options, "--out",
                uninterrupted.toString()));
        assertEquals(0, whole.exitCode(), whole::toString);

        Path run = dir.resolve("resumed");
        Path firstCheckpoint = dir.resolve(".resumed.partial/checkpoints/epoch-0001.json");
        Path log = dir.resolve("killed.log");
        Process killed = DlSparkProcess.start(log, DlSparkProcess.args(options, "--out", run.toString()));
        assertTrue(DlSparkProcess.killWhen(killed, () -> Files.exists(firstCheckpoint)),
                () -> "no checkpoint was written: " + DlSparkProcess.readLog(log));
        assertFalse(Files.exists(run));

        DlSparkProcess.Outcome resumed = DlSparkProcess.run(DlSparkProcess.args(options, "--out", run.toString(),
                "--resume"));
        assertEquals(0, resumed.exitCode(), resumed::toString);
        assertTrue(resumed.stdout().matches("(?s).*resuming after epoch [12] .*"), resumed::toString);
        JsonNode expected = metrics(uninterrupted);
        JsonNode actual = metrics(run);
        assertEquals(3, actual.get("history").size());
        assertEquals(expected.get("accuracy").asDouble(), actual.get("accuracy").asDouble(), 1e-9);
        assertTrue(Files.exists(run.resolve("training-curves.png")));
    }

    private JsonNode metrics(Path run) throws Exception {
        return new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    }
}
