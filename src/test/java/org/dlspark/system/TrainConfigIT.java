package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run configured wrongly is refused with a message naming the option, exit status 1 and no run folder,
 * before any Spark work: the checks run before the Spark context starts. Spark settings pass through.
 */
class TrainConfigIT {

    @TempDir
    Path dir;

    @Test
    void unknownStrategy() throws Exception {
        assertRefused("--strategy: unknown strategy 'ring-allreduce'; known: parameter-averaging, gradient-sharing, "
                + "single-jvm", "--strategy", "ring-allreduce");
    }

    @Test
    void noWorkers() throws Exception {
        assertRefused("--workers: must be at least 1, got 0", "--workers", "0");
    }

    @Test
    void emptyMinibatches() throws Exception {
        assertRefused("--batch: must be at least 1, got 0", "--batch", "0");
    }

    @Test
    void malformedLearningRateSchedule() throws Exception {
        assertRefused("--lr-schedule: 'step:0.5' is none of constant", "--lr-schedule", "step:0.5");
    }

    @Test
    void malformedSparkSetting() throws Exception {
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--spark-conf", "executor.memory=1g");
        assertEquals(2, outcome.exitCode(), outcome::toString);
        assertEquals("dlspark: error: --spark-conf: expected spark.KEY=VALUE, got 'executor.memory=1g'",
                outcome.stderr().strip(), outcome::toString);
    }

    /** A Spark setting reaches the job: Spark's default parallelism sets the workers when --workers does not. */
    @Test
    void sparkSettingsPassThrough() throws Exception {
        Path run = dir.resolve("one");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--spark-conf", "spark.default.parallelism=1",
                "--data", IdxFixtures.validData(Files.createDirectories(dir.resolve("data"))).toString(), "--epochs",
                "1", "--batch", "8", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stdout().contains(", 1 workers on local[*], "), outcome::toString);
    }

    /** A barrier stage needs all its workers at once: more than local mode's task slots would wait for minutes. */
    @Test
    void moreWorkersThanLocalTaskSlots() throws Exception {
        assertRefused("--workers: 3 workers train in one Spark barrier stage and need 3 task slots at once, but "
                + "local[2] has 2", "--master", "local[2]", "--workers", "3");
    }

    @Test
    void dataWithoutManifestOrRawFiles() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty.toString(), "--data", empty.toString());
    }

    @Test
    void dataWhoseShapesDoNotFitTheModel() throws Exception {
        Path raw = IdxFixtures.validData(Files.createDirectories(dir.resolve("raw")));
        Path shards = dir.resolve("shards");
        DlSparkProcess.Outcome preprocessed = DlSparkProcess.run("preprocess", "--input", raw.toString(), "--format",
                "idx", "--output", shards.toString(), "--shards", "1", "--val-fraction", "0");
        assertEquals(0, preprocessed.exitCode(), preprocessed::toString);
        assertRefused("--data: " + shards + " holds examples of shape [1, 28, 28], which model 'lstm'", "--model",
                "lstm", "--data", shards.toString());
    }

    /** What Spark logs when it starts. */
    static final String SPARK_STARTED = "SparkContext: Running Spark version";

    private void assertRefused(String message, String... options) throws Exception {
        Path run = dir.resolve("run");
        List<String> args = new ArrayList<>(List.of("train", "--out", run.toString()));
        args.addAll(List.of(options));
        if (!args.contains("--data")) {
            args.addAll(List.of("--data", IdxFixtures.validData(Files.createDirectories(dir.resolve("data")))
                    .toString()));
        }
        DlSparkProcess.Outcome outcome = DlSparkProcess.run(args.toArray(String[]::new));
        assertEquals(1, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains(message), outcome::toString);
        assertFalse(outcome.log().contains(SPARK_STARTED), "Spark was started: " + outcome.log());
        assertFalse(Files.exists(run), "a run folder was left behind");
    }
}
