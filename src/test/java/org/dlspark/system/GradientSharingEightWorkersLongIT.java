package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient sharing with up to eight workers, each an executor JVM of a standalone cluster of eight one-core workers
 * on loopback (slow on a two-core machine: the long-runs profile). Ten runs in a row finish (the driver checks after
 * every epoch that every worker holds the same parameters, by hash, and fails the run when one differs); with four
 * and with eight workers the model learns within 2 points of two workers at equal examples seen; and a worker's
 * traffic grows with log2 of the workers, not with their number.
 */
class GradientSharingEightWorkersLongIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster(8, "2g");

    @Test
    void tenRunsOnEightWorkersFinishWithIdenticalReplicas() throws Exception {
        for (int run = 1; run <= 10; run++) {
            DlSparkProcess.Outcome trained = train(dir.resolve("repeat-" + run), 8, 2000, 1000);
            assertEquals(0, trained.exitCode(), "run " + run + ": " + trained);
        }
    }

    /** 16,000 images, one epoch, 128 examples per round on any number of workers (125 rounds). */
    @Test
    void fourAndEightWorkersLearnAsWellAsTwoWithTrafficThatGrowsWithTheLogarithm() throws Exception {
        JsonNode two = metrics("two", 2);
        JsonNode four = metrics("four", 4);
        JsonNode eight = metrics("eight", 8);
        for (JsonNode run : List.of(two, four, eight)) {
            System.out.printf("%d workers: test accuracy %.4f, %.0f bytes per worker per iteration by %s%n",
                    run.get("workers").asInt(), run.get("accuracy").asDouble(),
                    run.get("communication").get("bytesPerIteration").asDouble(),
                    run.get("communication").get("exchange").asText());
        }
        double baseline = two.get("accuracy").asDouble();
        assertTrue(four.get("accuracy").asDouble() >= baseline - 0.02, "4 workers " + four + " against 2: " + two);
        assertTrue(eight.get("accuracy").asDouble() >= baseline - 0.02, "8 workers " + eight + " against 2: " + two);
        double twoBytes = two.get("communication").get("bytesPerIteration").asDouble();
        double eightBytes = eight.get("communication").get("bytesPerIteration").asDouble();
        assertTrue(eightBytes <= 3 * twoBytes, "bytes per iteration: 8 workers " + eightBytes + ", 2 workers "
                + twoBytes);
    }

    private static JsonNode metrics(String name, int workers) throws Exception {
        Path run = dir.resolve(name);
        DlSparkProcess.Outcome trained = train(run, workers, 16_000, 10_000);
        assertEquals(0, trained.exitCode(), trained::toString);
        return new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
    }

    private static DlSparkProcess.Outcome train(Path run, int workers, int images, int testImages) throws Exception {
        return DlSparkProcess.run(List.of("train", "--model", "cnn", "--master", CLUSTER.master(), "--strategy",
                "gradient-sharing", "--workers", Integer.toString(workers), "--epochs", "1", "--train-limit",
                Integer.toString(images), "--global-batch", "128", "--test-limit", Integer.toString(testImages),
                "--baseline", "false", "--sharing-timeout", "120", "--out", run.toString()).toArray(String[]::new));
    }
}
