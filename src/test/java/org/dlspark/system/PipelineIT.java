package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dlspark.data.IdxImages;
import org.dlspark.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retraining pipeline three times on local data (promote, skip, retrain after the data changed), killed during
 * training and resumed there, and refused while another run of it holds the lock. Data: 2,000 training and 500 test
 * Fashion-MNIST images, a different 2,000 once the data "changes".
 */
class PipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void promotesSkipsAndRetrainsWhenTheDataChanges() throws Exception {
        Path input = subset(dir.resolve("input"), 0);
        Path config = config(input, 1);

        DlSparkProcess.Outcome first = pipeline(config);
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.stdout().contains("run 1 promoted to 'production'"), first::toString);

        DlSparkProcess.Outcome second = pipeline(config);
        assertEquals(4, second.exitCode(), second::toString);
        assertTrue(second.stdout().contains("run 2 skipped: the input is unchanged since run 1"), second::toString);

        subset(input, 2000);
        DlSparkProcess.Outcome third = pipeline(config);
        assertTrue(third.exitCode() == 0 || third.exitCode() == 3, third::toString);
        assertTrue(third.stdout().contains("pipeline test: run 3 on "), third::toString);
        assertTrue(third.stdout().contains(third.exitCode() == 0 ? "promoted: test version 2" : "refused: test version 2"),
                third::toString);

        Path work = dir.resolve("work");
        String summary = Files.readString(work.resolve("summary.md"));
        assertTrue(summary.contains("| 1 |") && summary.contains("| promoted |"), summary);
        assertTrue(summary.contains("| skipped |"), summary);
        assertTrue(summary.contains(" (model +") || summary.contains(" (model -"), "the baseline column: " + summary);
        assertTrue(Files.size(work.resolve("accuracy.png")) > 1000);
        JsonNode state = JSON.readTree(work.resolve("runs/0003/state.json").toFile());
        assertEquals("2", state.get("stages").get("REGISTER").asText());
    }

    @Test
    void aRunKilledDuringTrainingResumesThereAndASecondRunIsLockedOut() throws Exception {
        Path config = config(subset(dir.resolve("input"), 0), 3);
        Path partial = dir.resolve("work/runs/0001/.model.partial/checkpoints");
        Process first = new ProcessBuilder(DlSparkProcess.REPO.resolve("scripts/dlspark").toString(), "pipeline",
                "--config", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!Files.exists(partial.resolve("epoch-0001.json"))) {
                assertTrue(first.isAlive(),
                        () -> "the pipeline ended early: " + DlSparkProcess.readLog(dir.resolve("first.log")));
                assertTrue(System.nanoTime() < deadline, "no checkpoint after 10 minutes");
                Thread.sleep(200);
            }
            DlSparkProcess.Outcome locked = pipeline(config);
            assertEquals(5, locked.exitCode(), locked::toString);
            assertTrue(locked.stderr().contains("locked: pipeline 'test' is running already"), locked::toString);
        } finally {
            first.descendants().forEach(ProcessHandle::destroyForcibly);
            first.destroyForcibly().waitFor();
        }

        DlSparkProcess.Outcome resumed = pipeline(config);
        assertTrue(resumed.exitCode() == 0, resumed::toString);
        assertTrue(resumed.stdout().contains("resuming run 1 after stage preprocess"), resumed::toString);
        assertTrue(resumed.stdout().contains("resuming after epoch"), resumed::toString);
        assertTrue(resumed.stdout().contains("run 1 promoted"), resumed::toString);
    }

    private DlSparkProcess.Outcome pipeline(Path config) throws Exception {
        return DlSparkProcess.run("pipeline", "--config", config.toString());
    }

    private Path config(Path input, int epochs) throws Exception {
        Path file = dir.resolve("pipeline.json");
        Files.writeString(file, """
                {"name": "test", "input": "%s", "format": "idx", "model": "cnn", "work": "%s", "registry": "%s",
                 "master": "local[2]", "preprocess": {"shards": 2},
                 "train": {"epochs": %d, "test-limit": 500}}
                """.formatted(input, dir.resolve("work"), dir.resolve("registry"), epochs));
        return file;
    }

    /** 2,000 training and 500 test images of Fashion-MNIST, from training image {@code offset} on. */
    private static Path subset(Path folder, int offset) throws Exception {
        Files.createDirectories(folder);
        String source = DlSparkProcess.FASHION_MNIST.toString();
        for (String split : List.of("train", "t10k")) {
            int count = split.equals("train") ? 2000 : 500;
            int from = split.equals("train") ? offset : 0;
            IdxImages images = IdxReader.readImages(source + "/" + split + "-images-idx3-ubyte.gz");
            byte[] labels = IdxReader.readLabels(source + "/" + split + "-labels-idx1-ubyte.gz");
            ByteArrayOutputStream imageBytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(imageBytes);
            out.writeInt(IdxFixtures.IMAGES);
            out.writeInt(count);
            out.writeInt(28);
            out.writeInt(28);
            out.write(images.pixels(), from * 784, count * 784);
            IdxFixtures.gzip(folder.resolve(split + "-images-idx3-ubyte.gz"), imageBytes.toByteArray());
            ByteArrayOutputStream labelBytes = new ByteArrayOutputStream();
            DataOutputStream labelsOut = new DataOutputStream(labelBytes);
            labelsOut.writeInt(IdxFixtures.LABELS);
            labelsOut.writeInt(count);
            labelsOut.write(labels, from, count);
            IdxFixtures.gzip(folder.resolve(split + "-labels-idx1-ubyte.gz"), labelBytes.toByteArray());
        }
        return folder;
    }
}
