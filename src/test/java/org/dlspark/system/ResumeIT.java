package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A training run killed (SIGKILL) after its first checkpoint is continued with {@code --resume} and ends like an
 * uninterrupted run: same epochs in its history, same losses, same test accuracy. In one JVM, and on Spark with the
 * executors streaming the data from shards (written from the raw input first: {@code --driver-read-limit 0}), whose
 * deal to the workers each epoch a resumed run repeats. (Gradient sharing is not exact on resume: its workers'
 * residuals, what they have not sent yet, are not checkpointed and start from zero.)
 */
class ResumeIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--strategy single-jvm", "--strategy parameter-averaging --master local[2] --workers 2 "
            + "--driver-read-limit 0"})
    void killedRunResumesFromItsLastCheckpoint(String how) throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        List<String> options = new ArrayList<>(List.of("train", "--model", "cnn", "--epochs", "3", "--batch", "8",
                "--data", data.toString()));
        options.addAll(List.of(how.split(" ")));

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
        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(expected.get("history").get(epoch).get("loss").asDouble(),
                    actual.get("history").get(epoch).get("loss").asDouble(), 1e-9, "epoch " + (epoch + 1));
        }
        assertTrue(Files.exists(run.resolve("training-curves.png")));
    }

    private JsonNode metrics(Path run) throws Exception {
        return new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    }
}
