package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DLSpark as a Spark ML library: the example program ({@code examples/}, {@code FashionMnistPipeline}) submitted
 * with {@code scripts/spark-submit} on {@code local[2]} fits Fashion-MNIST through {@code StringIndexer},
 * {@code DlSparkClassifier} and {@code IndexToString} for 2 epochs, saves the fitted pipeline and loads it again;
 * {@code dlspark train} with the same settings reaches the same accuracy within a point.
 */
class SparkMlApiIT {

    private static final Pattern ACCURACY = Pattern.compile("test accuracy (\\d\\.\\d+) on 10000 images");

    @TempDir
    static Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"parameter-averaging", "gradient-sharing"})
    void thePipelineLearnsAsDlsparkTrainDoes(String strategy) throws Exception {
        Path out = dir.resolve("example-" + strategy);
        DlSparkProcess.Outcome example = DlSparkProcess.runScript("scripts/spark-submit", "--master", "local[2]",
                "--class", "org.dlspark.examples.FashionMnistPipeline", "--jars",
                "spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar", "examples/target/dlspark-examples-0.1.0-SNAPSHOT.jar",
                DlSparkProcess.FASHION_MNIST.toString(), out.toString(), strategy, "2");
        assertEquals(0, example.exitCode(), example::toString);
        Matcher accuracy = ACCURACY.matcher(example.stdout());
        assertTrue(accuracy.find(), example::toString);
        assertTrue(example.stdout().contains("loaded again, it predicts the same classes"), example::toString);
        assertTrue(Files.isRegularFile(out.resolve("pipeline/stages/1_" + stageUid(out)).resolve("model.zip")),
                "the classifier's stage is a run folder");

        Path run = dir.resolve("train-" + strategy);
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "cnn", "--epochs", "2", "--workers",
                "2", "--strategy", strategy, "--master", "local[2]", "--baseline", "false", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        double cli = new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        double api = Double.parseDouble(accuracy.group(1));
        System.out.printf("%s: Spark ML pipeline %.4f, dlspark train %.4f%n", strategy, api, cli);
        assertEquals(cli, api, 0.01, strategy);
    }

    /** The uid of the pipeline's second stage, as its folder under {@code stages/} names it. */
    private static String stageUid(Path out) throws Exception {
        try (var stages = Files.list(out.resolve("pipeline/stages"))) {
            return stages.map(stage -> stage.getFileName().toString()).filter(name -> name.startsWith("1_"))
                    .findFirst().orElseThrow().substring(2);
        }
    }
}
