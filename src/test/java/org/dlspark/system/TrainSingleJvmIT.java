package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains the deep belief network (greedy RBM pretraining, then fine-tuning) in one JVM, without Spark. */
class TrainSingleJvmIT {

    @TempDir
    Path dir;

    @Test
    void pretrainsFineTunesAndWritesTheRunFolder() throws Exception {
        Path run = dir.resolve("run");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--strategy", "single-jvm", "--model", "dbn",
                "--epochs", "2", "--train-limit", "1000", "--test-limit", "500", "--out", run.toString());

        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stdout().contains("2 epochs, in this JVM"), outcome::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals("single-jvm", metrics.get("strategy").asText());
        assertEquals("dbn", metrics.get("model").asText());
        assertEquals(1, metrics.get("workers").asInt());
        assertTrue(metrics.get("accuracy").asDouble() > 0.4, metrics::toString);
        assertTrue(Files.isRegularFile(run.resolve("model.zip")));
        assertEquals(2, Files.readAllLines(run.resolve("metrics.jsonl")).size());
    }
}
