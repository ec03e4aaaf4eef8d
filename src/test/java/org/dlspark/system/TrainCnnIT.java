package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** Trains the seed CNN on a few hundred Fashion-MNIST images in Spark local mode and checks the run folder. */
class TrainCnnIT {

    @TempDir
    Path dir;

    @Test
    void trainsEvaluatesAndWritesTheRunFolder() throws Exception {
        Path run = dir.resolve("run");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--model", "cnn", "--epochs", "2",
                "--train-limit", "1280", "--test-limit", "500", "--master", "local[2]", "--out", run.toString());

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stdout().contains("epoch 1/2  loss "), outcome::toString);
        assertTrue(outcome.stdout().contains("epoch 2/2  loss "), outcome::toString);
        assertTrue(outcome.stdout().contains("ETA"), outcome::toString);
        assertEquals(List.of(), outcome.logLines(), "Spark's or DL4J's log on the console");
        assertTrue(outcome.stdout().contains("baseline (MLlib logistic regression on pixels, "), outcome::toString);
        assertTrue(outcome.log().contains(TrainConfigIT.SPARK_STARTED), "Spark's log is not in the log file");
        assertEquals(List.of("checkpoints", "logs", "metrics.json", "metrics.jsonl", "model.zip", "run.json",
                "training-curves.png"),
                list(run));
        assertEquals(List.of("epoch-0001.json", "epoch-0001.zip", "epoch-0002.json", "epoch-0002.zip"),
                list(run.resolve("checkpoints")));
        List<Path> logs = list(run.resolve("logs")).stream().map(run.resolve("logs")::resolve).toList();
        assertEquals(1, logs.size(), logs::toString);
        assertTrue(Files.readString(logs.get(0)).contains(TrainConfigIT.SPARK_STARTED), "the run folder's log");

        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals("cnn", metrics.get("model").asText());
        assertEquals(2, metrics.get("epochs").asInt());
        assertEquals(2, metrics.get("workers").asInt());
        assertEquals(500, metrics.get("examples").asInt());
        assertEquals(1280, metrics.get("trainExamples").asInt());
        double accuracy = metrics.get("accuracy").asDouble();
        assertTrue(accuracy > 0.3 && accuracy <= 1, "accuracy " + accuracy + " is no better than chance (0.1)");
        // MLlib's logistic regression on the same 1,280 images and 500 test images, and the model's margin over it.
        JsonNode baseline = metrics.get("baseline");
        assertEquals("MLlib logistic regression on pixels", baseline.get("method").asText(), metrics::toString);
        assertTrue(baseline.get("accuracy").asDouble() > 0.3, metrics::toString);
        assertEquals(accuracy - baseline.get("accuracy").asDouble(), baseline.get("accuracyMargin").asDouble(), 1e-9);
        for (String key : List.of("macroPrecision", "macroRecall", "macroF1", "examplesPerSecond", "trainSeconds")) {
            assertTrue(metrics.get(key).asDouble() > 0, key + " in " + metrics);
        }
        assertEquals(10, metrics.get("perClass").size());
        assertEquals("Ankle boot", metrics.get("perClass").get(9).get("name").asText());
        long support = 0;
        for (JsonNode c : metrics.get("perClass")) {
            support += c.get("support").asLong();
        }
        assertEquals(500, support);
        assertTrue(outcome.stdout().contains(String.format(java.util.Locale.ROOT, "test accuracy %.4f", accuracy)),
                outcome::toString);
        assertEquals(2, Files.readAllLines(run.resolve("metrics.jsonl")).size());

        ComputationGraph model = ModelSerializer.restoreComputationGraph(run.resolve("model.zip").toFile());
        assertEquals(93_322, model.numParams());
        assertEquals(10, model.outputSingle(Nd4j.rand(1, 1, 28, 28)).length());
    }

    private static List<String> list(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
