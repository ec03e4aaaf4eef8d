package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dlspark.data.FashionMnist;
import org.dlspark.data.IdxImages;
import org.dlspark.data.IdxReader;
import org.dlspark.model.PngImages;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DLSpark as a Spark ML library: the example program ({@code examples/}, {@code FashionMnistPipeline}) submitted
 * with {@code scripts/spark-submit} on {@code local[2]} fits Fashion-MNIST through {@code StringIndexer},
 * {@code DlSparkClassifier} and {@code IndexToString} for 2 epochs, saves the fitted pipeline and loads it again;
 * {@code dlspark train} with the same settings reaches the same accuracy within a point. The model {@code dlspark
 * train} wrote, loaded by the API ({@code ApplySavedModel}), has the same accuracy; the API's model is registered,
 * promoted and served by the command line.
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

        DlSparkProcess.Outcome applied = DlSparkProcess.runScript("scripts/spark-submit", "--master", "local[2]",
                "--class", "org.dlspark.examples.ApplySavedModel", "--jars",
                "spark-jobs/target/dlspark-0.1.0-SNAPSHOT.jar", "examples/target/dlspark-examples-0.1.0-SNAPSHOT.jar",
                run.toString(), DlSparkProcess.FASHION_MNIST.toString());
        assertEquals(0, applied.exitCode(), applied::toString);
        Matcher loaded = ACCURACY.matcher(applied.stdout());
        assertTrue(loaded.find(), applied::toString);
        assertEquals(cli, Double.parseDouble(loaded.group(1)), 1e-4, "dlspark train's model, loaded by the API");

        registersAndServes(out.resolve("pipeline/stages/1_" + stageUid(out)), api, strategy);
    }

    /**
     * The API's model, saved inside the pipeline, is registered and promoted by {@code dlspark registry} (judged
     * on the Fashion-MNIST test set, its classes matched by name) and answered by {@code dlspark serve}.
     */
    private static void registersAndServes(Path stage, double accuracy, String strategy) throws Exception {
        String registry = dir.resolve("registry-" + strategy).toString();
        DlSparkProcess.Outcome registered = DlSparkProcess.run("registry", "register", "--registry", registry,
                "--run", stage.toString());
        assertEquals(0, registered.exitCode(), registered::toString);
        DlSparkProcess.Outcome promoted = DlSparkProcess.run("registry", "promote", "--registry", registry,
                "--name", "cnn", "--version", "1", "--data", DlSparkProcess.FASHION_MNIST.toString(), "--master",
                "local[2]");
        assertEquals(0, promoted.exitCode(), promoted::toString);
        Matcher judged = Pattern.compile("candidate accuracy (\\d\\.\\d+) on 10000 test examples")
                .matcher(promoted.stdout());
        assertTrue(judged.find(), promoted::toString);
        assertEquals(accuracy, Double.parseDouble(judged.group(1)), 0.002, "the registry's judgement");

        IdxImages test = IdxReader.readImages(DlSparkProcess.FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz")
                .toString());
        byte[] labels = IdxReader.readLabels(DlSparkProcess.FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz")
                .toString());
        List<String> names = FashionMnist.CLASS_NAMES;
        int right = 0;
        int asked = 40;
        try (ServedModel server = ServedModel.start("--model", registry + "/cnn/versions/v0001")) {
            int pixels = test.pixelsPerImage();
            for (int i = 0; i < asked; i++) {
                byte[] png = PngImages.png(Arrays.copyOfRange(test.pixels(), i * pixels, (i + 1) * pixels), 28, 28);
                HttpResponse<String> answer = server.post("/predict", "image/png", png);
                assertEquals(200, answer.statusCode(), answer.body());
                right += new ObjectMapper().readTree(answer.body()).get("class").asText().equals(names.get(labels[i] & 0xff))
                        ? 1 : 0;
            }
        }
        assertTrue(right >= asked / 2, "serve named " + right + " of " + asked + " images' classes right");
    }

    /** The uid of the pipeline's second stage, as its folder under {@code stages/} names it. */
    private static String stageUid(Path out) throws Exception {
        try (var stages = Files.list(out.resolve("pipeline/stages"))) {
            return stages.map(stage -> stage.getFileName().toString()).filter(name -> name.startsWith("1_"))
                    .findFirst().orElseThrow().substring(2);
        }
    }
}
