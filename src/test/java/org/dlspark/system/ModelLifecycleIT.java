package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.dlspark.data.IdxImages;
import org.dlspark.data.IdxReader;
import org.dlspark.model.PngImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After training: evaluate, tune, registry, predict and serve, each run as a user runs it, on two small cnn runs
 * (a weaker one trained on 640 images, a stronger one on 3,200).
 */
class ModelLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEST_LIMIT = "500";

    @TempDir
    static Path dir;

    private static Path weak;
    private static Path strong;

    @BeforeAll
    static void train() throws Exception {
        weak = train("weak", "640");
        strong = train("strong", "3200");
    }

    private static Path train(String name, String images) throws Exception {
        Path run = dir.resolve(name);
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("train", "--model", "cnn", "--epochs", "1",
                "--train-limit", images, "--test-limit", TEST_LIMIT, "--master", "local[2]", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome::toString);
        return run;
    }

    @Test
    void evaluationReproducesTheRunsAccuracyAndDrawsTheConfusionMatrix() throws Exception {
        Path out = dir.resolve("evaluation");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("evaluate", "--model", strong.toString(), "--master",
                "local[2]", "--out", out.toString());
        assertEquals(0, outcome.exitCode(), outcome::toString);
        JsonNode evaluation = JSON.readTree(out.resolve("evaluation.json").toFile());
        JsonNode metrics = JSON.readTree(strong.resolve("metrics.json").toFile());
        assertEquals(metrics.get("accuracy").asDouble(), evaluation.get("accuracy").asDouble(), 0.0);
        assertEquals(metrics.get("confusionMatrix"), evaluation.get("confusionMatrix"));
        assertEquals(metrics.at("/baseline/accuracy").asDouble(), evaluation.at("/baseline/accuracy").asDouble(), 0.0,
                "the run's own test: its recorded baseline");
        assertTrue(outcome.stdout().contains("baseline (MLlib logistic regression on pixels"), outcome::toString);
        assertEquals(Integer.parseInt(TEST_LIMIT), evaluation.get("examples").asInt());
        BufferedImage png = ImageIO.read(out.resolve("confusion-matrix.png").toFile());
        assertTrue(png.getWidth() >= 600 && png.getHeight() >= 600, "confusion matrix " + png.getWidth() + "x"
                + png.getHeight());
    }

    @Test
    void registryPromotesABetterCandidateAndRefusesAWorseOne() throws Exception {
        String registry = dir.resolve("registry").toString();
        register(registry, weak, 1);
        register(registry, strong, 2);
        register(registry, weak, 3);

        DlSparkProcess.Outcome first = promote(registry, 1);
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.stdout().contains("promoted: cnn version 1 is now 'production'"), first::toString);

        DlSparkProcess.Outcome better = promote(registry, 2);
        assertEquals(0, better.exitCode(), better::toString);
        assertTrue(better.stdout().contains("promoted: cnn version 2 is now 'production' over version 1"),
                better::toString);
        assertTrue(better.stdout().contains("margin +"), better::toString);

        DlSparkProcess.Outcome worse = promote(registry, 3);
        assertEquals(3, worse.exitCode(), worse::toString);
        assertTrue(worse.stdout().contains("refused: cnn version 3 stays off 'production' held by version 2"),
                worse::toString);
        assertTrue(worse.stdout().contains("margin -"), worse::toString);

        DlSparkProcess.Outcome list = DlSparkProcess.run("registry", "list", "--registry", registry);
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(Pattern.compile("(?m)^cnn\\s+2\\s+cnn\\s+\\S+\\s+production").matcher(list.stdout()).find(),
                list::toString);
    }

    @Test
    void aRegistrationKilledHalfwayLeavesNoVersion() throws Exception {
        Path registry = dir.resolve("killed-registry");
        Path versions = registry.resolve("cnn/versions");
        DlSparkProcess.Outcome warmUp = DlSparkProcess.run("registry", "list", "--registry", registry.toString());
        assertEquals(0, warmUp.exitCode(), warmUp::toString);
        for (long delay = 1500; ; delay += 250) {
            ProcessBuilder builder = new ProcessBuilder(DlSparkProcess.REPO.resolve("scripts/dlspark").toString(),
                    "registry", "register", "--registry", registry.toString(), "--run", strong.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            boolean finished = process.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            List<String> visible = Files.exists(versions) ? list(versions).stream()
                    .filter(name -> !name.startsWith(".")).toList() : List.of();
            for (String version : visible) {
                assertEquals(List.of("metrics.json", "model.zip", "run.json", "version.json"),
                        list(versions.resolve(version)), "version " + version + " is incomplete");
            }
            assertTrue(visible.isEmpty() || visible.equals(List.of("v0001")), "versions " + visible);
            if (finished || !visible.isEmpty()) {
                assertEquals(List.of("v0001"), visible, "after kills at earlier delays");
                break;
            }
            assertTrue(delay < 60_000, "registration never finished");
        }
        DlSparkProcess.Outcome list = DlSparkProcess.run("registry", "list", "--registry", registry.toString());
        assertEquals(0, list.exitCode(), list::toString);
    }

    @Test
    void tuneFindsAConfigurationThatTrainAccepts() throws Exception {
        Path out = dir.resolve("tune");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("tune", "--model", "cnn", "--space",
                DlSparkProcess.REPO.resolve("conf/tune/cnn.json").toString(), "--trials", "2", "--epochs", "1",
                "--train-limit", "640", "--test-limit", "200", "--master", "local[2]", "--out", out.toString());
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stdout().contains("| 0 (defaults) |"), outcome::toString);
        assertEquals(4, Files.readAllLines(out.resolve("results.csv")).size());
        String best = Files.readString(out.resolve("best.conf"));
        assertTrue(best.contains("model=cnn") && best.contains("batch="), best);

        Path run = dir.resolve("from-best-conf");
        DlSparkProcess.Outcome train = DlSparkProcess.run("train", "--conf", out.resolve("best.conf").toString(),
                "--epochs", "1", "--train-limit", "320", "--test-limit", "100", "--master", "local[2]", "--out",
                run.toString());
        assertEquals(0, train.exitCode(), train::toString);
        JsonNode info = JSON.readTree(run.resolve("run.json").toFile());
        for (String line : best.lines().filter(l -> l.startsWith("hp.")).toList()) {
            String[] kv = line.substring(3).split("=", 2);
            assertEquals(kv[1], info.get("hyperparameters").get(kv[0]).asText(), line);
        }
    }

    @Test
    void predictAndServeAgree() throws Exception {
        IdxImages test = IdxReader.readImages(DlSparkProcess.FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz")
                .toString());
        int count = 50;
        Path images = dir.resolve("new-images-idx3-ubyte");
        Files.write(images, idx(test, count));
        Path predictions = dir.resolve("predictions");
        DlSparkProcess.Outcome predict = DlSparkProcess.run("predict", "--model", strong.toString(), "--input",
                images.toString(), "--output", predictions.toString(), "--master", "local[2]");
        assertEquals(0, predict.exitCode(), predict::toString);
        String[] predicted = new String[count];
        try (var parts = Files.list(predictions.resolve("predictions"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part)) {
                    JsonNode p = JSON.readTree(line);
                    predicted[Integer.parseInt(p.get("id").asText().replaceAll(".*:", ""))] =
                            p.get("className").asText();
                    assertEquals(10, p.get("probabilities").size());
                }
            }
        }
        assertFalse(Arrays.asList(predicted).contains(null), "every image predicted");

        try (ServedModel server = ServedModel.start("--model", strong.toString(), "--max-body", "100000")) {
            int pixels = test.pixelsPerImage();
            for (int i = 0; i < 5; i++) {
                byte[] png = PngImages.png(Arrays.copyOfRange(test.pixels(), i * pixels, (i + 1) * pixels), 28, 28);
                HttpResponse<String> answer = server.post("/predict", "image/png", png);
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(predicted[i], JSON.readTree(answer.body()).get("class").asText());
            }
            assertEquals(400, server.post("/predict", "image/png", PngImages.png(new byte[100], 10, 10))
                    .statusCode());
            assertEquals(400, server.post("/predict", "image/png", "not an image".getBytes(StandardCharsets.UTF_8))
                    .statusCode());
            assertEquals(400, server.post("/predict", "application/json",
                    "{\"pixels\": [1, 2]}".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(413, server.post("/predict", "image/png", new byte[200_000]).statusCode());
            assertEquals(404, server.post("/files?path=/etc/passwd", "image/png", new byte[1]).statusCode());
            assertEquals(200, server.get("/health").statusCode(), "the server stays up after bad requests");
        }
    }

    private static void register(String registry, Path run, int expectedVersion) throws Exception {
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("registry", "register", "--registry", registry, "--run",
                run.toString());
        assertEquals(0, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stdout().contains("as cnn version " + expectedVersion), outcome::toString);
    }

    private static DlSparkProcess.Outcome promote(String registry, int version) throws Exception {
        return DlSparkProcess.run("registry", "promote", "--registry", registry, "--name", "cnn", "--version",
                Integer.toString(version), "--master", "local[2]");
    }

    private static byte[] idx(IdxImages images, int count) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxFixtures.IMAGES);
        out.writeInt(count);
        out.writeInt(images.rows());
        out.writeInt(images.cols());
        out.write(images.pixels(), 0, count * images.pixelsPerImage());
        return bytes.toByteArray();
    }

    private static List<String> list(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
