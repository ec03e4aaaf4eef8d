package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes come from the data. A three-class text task (class folders of short texts, preprocessed): the text
 * classifiers take their number of classes, vocabulary size and sequence length from the data, and a hyperparameter
 * that contradicts the data is refused before training starts, naming both values. IDX files of 20x20 images: the
 * cnn takes their size from the header; the autoencoder, whose size is fixed, is refused naming both sizes.
 */
class DataShapeIT {

    private static final List<String> TOPICS = List.of("sports", "cooking", "music");
    private static final List<List<String>> WORDS = List.of(
            List.of("match", "goal", "team", "score", "league", "coach", "referee", "season"),
            List.of("oven", "flour", "recipe", "butter", "simmer", "spice", "dough", "sauce"),
            List.of("guitar", "chorus", "melody", "drums", "album", "singer", "tempo", "concert"));
    private static final List<String> COMMON = List.of("the", "a", "and", "of", "today", "new", "great", "with");

    @TempDir
    static Path dir;

    private static Path shards;

    @BeforeAll
    static void preprocessThreeTopics() throws Exception {
        Path texts = dir.resolve("texts");
        Random random = new Random(5);
        for (int topic = 0; topic < TOPICS.size(); topic++) {
            Path folder = Files.createDirectories(texts.resolve(TOPICS.get(topic)));
            for (int i = 0; i < 120; i++) {
                StringJoiner text = new StringJoiner(" ");
                for (int word = 0; word < 12; word++) {
                    List<String> from = random.nextInt(3) == 0 ? WORDS.get(topic) : COMMON;
                    text.add(from.get(random.nextInt(from.size())));
                }
                Files.writeString(folder.resolve(i + ".txt"), text.toString(), StandardCharsets.UTF_8);
            }
        }
        shards = dir.resolve("shards");
        DlSparkProcess.Outcome preprocess = DlSparkProcess.run("preprocess", "--input", texts.toString(), "--format",
                "texts", "--output", shards.toString(), "--shards", "2", "--max-length", "16", "--min-count", "1",
                "--master", "local[2]");
        assertEquals(0, preprocess.exitCode(), preprocess::toString);
    }

    @Test
    void theLstmTakesItsShapeFromTheData() throws Exception {
        Path run = dir.resolve("lstm");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "lstm", "--data", shards.toString(),
                "--strategy", "single-jvm", "--epochs", "3", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        JsonNode info = new ObjectMapper().readTree(run.resolve("run.json").toFile());
        JsonNode hyperparameters = info.get("hyperparameters");
        assertEquals("3", hyperparameters.get("classes").asText(), info.toString());
        assertEquals("16", hyperparameters.get("maxLength").asText(), info.toString());
        // <pad>, <unk>, the 24 topic words and the 8 common ones.
        assertEquals("34", hyperparameters.get("vocabularySize").asText(), info.toString());
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertTrue(metrics.get("accuracy").asDouble() > 0.6, metrics.toString());
        assertEquals("MLlib logistic regression on TF-IDF of the tokens", metrics.at("/baseline/method").asText());
        assertTrue(metrics.at("/baseline/accuracy").asDouble() > 0.6, metrics.toString());
        DlSparkProcess.Outcome evaluated = DlSparkProcess.run("evaluate", "--model", run.toString(), "--data",
                shards.toString());
        assertEquals(0, evaluated.exitCode(), evaluated::toString);
    }

    @Test
    void aHyperparameterThatContradictsTheDataIsRefusedBeforeTraining() throws Exception {
        Path run = dir.resolve("two-classes");
        DlSparkProcess.Outcome refused = DlSparkProcess.run("train", "--model", "lstm", "--data", shards.toString(),
                "--hp", "classes=2", "--out", run.toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertEquals("train: error: --hp classes: 2 contradicts the data: " + shards + "/manifest.json gives "
                + "classes=3", refused.stderr().strip(), refused::toString);
        assertFalse(refused.stdout().contains("training"), refused::toString);
        assertFalse(refused.log().contains(TrainConfigIT.SPARK_STARTED), "Spark was started: " + refused.log());
        assertFalse(Files.exists(run), "a run folder was created");
    }

    @Test
    void idxFilesOfAnotherSizeTrainTheCnnAtTheirSizeAndAreRefusedToTheAutoencoder() throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("idx-20")), 20);
        Path run = dir.resolve("cnn-20");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "cnn", "--strategy", "single-jvm",
                "--epochs", "1", "--batch", "8", "--data", data.toString(), "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        JsonNode hyperparameters = new ObjectMapper().readTree(run.resolve("run.json").toFile())
                .get("hyperparameters");
        assertEquals("20", hyperparameters.get("height").asText());
        assertEquals("20", hyperparameters.get("width").asText());

        DlSparkProcess.Outcome refused = DlSparkProcess.run("train", "--model", "autoencoder", "--data",
                data.toString(), "--out", dir.resolve("autoencoder-20").toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertEquals("train: error: --model: 'autoencoder' takes 28x28x1 images, but " + data
                + "/train-images-idx3-ubyte.gz holds 20x20x1 images", refused.stderr().strip(), refused::toString);
        assertFalse(refused.log().contains(TrainConfigIT.SPARK_STARTED), "Spark was started: " + refused.log());
    }
}
