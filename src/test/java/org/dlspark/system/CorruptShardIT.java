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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A shard altered after preprocessing: training fails naming it, or leaves it out with --skip-corrupt. */
class CorruptShardIT {

    @TempDir
    static Path dir;

    private static Path shards;
    private static Path corrupt;

    @BeforeAll
    static void preprocessThenCorruptAShard() throws Exception {
        Path raw = IdxFixtures.validData(Files.createDirectories(dir.resolve("raw")));
        shards = dir.resolve("shards");
        DlSparkProcess.Outcome preprocess = DlSparkProcess.run("preprocess", "--input", raw.toString(), "--format",
                "idx", "--output", shards.toString(), "--shards", "2", "--master", "local[2]");
        assertEquals(0, preprocess.exitCode(), preprocess::toString);
        corrupt = shards.resolve("train/part-00001.bin");
        byte[] bytes = Files.readAllBytes(corrupt);
        bytes[bytes.length - 5] ^= 0x40;
        Files.write(corrupt, bytes);
    }

    /** Training in one JVM. */
    private static final String ONE_JVM = "--strategy single-jvm";
    /** Training on Spark, where the executors check the shards before the first epoch. */
    private static final String ON_SPARK = "--strategy parameter-averaging --master local[2] --workers 2";

    private static DlSparkProcess.Outcome train(String strategy, Path run, String... more) throws Exception {
        List<String> options = new ArrayList<>(List.of("train", "--model", "cnn", "--data", shards.toString(),
                "--epochs", "1", "--batch", "8", "--out", run.toString()));
        options.addAll(List.of(strategy.split(" ")));
        options.addAll(List.of(more));
        return DlSparkProcess.run(options.toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {ONE_JVM, ON_SPARK})
    void trainingFailsNamingTheCorruptShard(String strategy) throws Exception {
        Path run = dir.resolve("failed-" + strategy.hashCode());
        DlSparkProcess.Outcome train = train(strategy, run);
        assertEquals(1, train.exitCode(), train::toString);
        assertTrue(train.stderr().contains(corrupt + ": SHA-256 ") && train.stderr().contains("the shard is corrupt"),
                train::toString);
        assertFalse(Files.exists(run));
    }

    @ParameterizedTest
    @ValueSource(strings = {ONE_JVM, ON_SPARK})
    void skipCorruptLeavesTheShardOutAndCountsIt(String strategy) throws Exception {
        Path run = dir.resolve("skipped-" + strategy.hashCode());
        DlSparkProcess.Outcome train = train(strategy, run, "--skip-corrupt");
        assertEquals(0, train.exitCode(), train::toString);
        assertTrue(train.stdout().contains("skipping 1 corrupt shards: " + corrupt), train::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(1, metrics.get("skippedShards").size());
        assertTrue(metrics.get("skippedShards").get(0).asText().endsWith("train/part-00001.bin"));
        JsonNode manifest = new ObjectMapper().readTree(shards.resolve("manifest.json").toFile());
        long trainExamples = manifest.get("splits").get("train").get("examples").asLong();
        assertTrue(metrics.get("trainExamples").asLong() < trainExamples, metrics.toString());
    }
}
