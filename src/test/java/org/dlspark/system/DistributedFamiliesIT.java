package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The families with training loops of their own run on Spark (local mode, two workers) end to end on a tiny data
 * set: the deep belief network (pretraining on the executors, then parameter averaging), the denoising
 * autoencoder (with every strategy, on noise added where the workers fit; its run folders evaluated, predict
 * writing denoised images, the registry recording and judging its PSNR) and the GAN (with every strategy, both
 * networks' updates shared; judged by a classifier, evaluated, generating images with predict). Their figures on 40
 * images mean nothing; the runs must complete and write their outputs.
 */
class DistributedFamiliesIT {

    @TempDir
    Path dir;

    @Test
    void deepBeliefNetworkPretrainsAndFineTunesOnSpark() throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        Path run = dir.resolve("dbn");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "dbn", "--master", "local[2]",
                "--epochs", "1", "--batch", "8", "--data", data.toString(), "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(trained.stdout().contains("2 workers on local[2], parameter averaging"), trained::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals("dbn", metrics.get("model").asText());
        assertEquals(20, metrics.get("examples").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-jvm", "parameter-averaging", "gradient-sharing"})
    void autoencoderTrainsWithEveryStrategyIntoARunFolderThatEvaluateTakes(String strategy) throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        Path run = dir.resolve("autoencoder");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "autoencoder", "--strategy",
                strategy, "--master", "local[2]", "--epochs", "1", "--batch", "8", "--data", data.toString(), "--out",
                run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(trained.stdout().contains("test PSNR"), trained::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(strategy, metrics.get("strategy").asText());
        assertEquals(20, metrics.get("images").asInt());
        double denoised = metrics.get("denoisedPsnr").asDouble();
        // the same network on the same images; the test noise is drawn per evaluation partition
        assertEquals(denoised, metrics.get("history").get(0).get("testPsnr").asDouble(), 0.05,
                "the last epoch's score is the run's denoised PSNR");
        assertTrue(Files.exists(run.resolve("denoising.png")));
        assertTrue(Files.exists(run.resolve("training-curves.png")));

        if (!strategy.equals("gradient-sharing")) {
            return;
        }
        Path evaluation = dir.resolve("evaluation");
        DlSparkProcess.Outcome evaluated = DlSparkProcess.run("evaluate", "--model", run.toString(), "--master",
                "local[2]", "--out", evaluation.toString());
        assertEquals(0, evaluated.exitCode(), evaluated::toString);
        JsonNode figures = new ObjectMapper().readTree(evaluation.resolve("evaluation.json").toFile());
        assertEquals(20, figures.get("images").asInt());
        assertTrue(Files.exists(evaluation.resolve("denoising.png")));
    }

    @Test
    void qualityTrainsTheAutoencoderThroughTheTrainJobAndPredictAndTheRegistryTakeIt() throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        Path run = dir.resolve("autoencoder");
        DlSparkProcess.Outcome measured = DlSparkProcess.run("quality", "--model", "autoencoder", "--strategy",
                "gradient-sharing", "--master", "local[2]", "--epochs", "1", "--data", data.toString(), "--out",
                run.toString());
        assertTrue(measured.exitCode() == 0 || measured.exitCode() == 3, measured::toString);
        assertTrue(measured.stdout().contains("2 workers on local[2], gradient sharing"), measured::toString);
        assertTrue(measured.stdout().contains("quality autoencoder: denoised test PSNR"), measured::toString);
        assertTrue(Files.exists(run.resolve("denoising.png")));
        assertTrue(Files.exists(run.resolve("model.zip")));

        Path denoised = dir.resolve("denoised");
        DlSparkProcess.Outcome predicted = DlSparkProcess.run("predict", "--model", run.toString(), "--input",
                data.resolve("t10k-images-idx3-ubyte.gz").toString(), "--output", denoised.toString(), "--master",
                "local[2]");
        assertEquals(0, predicted.exitCode(), predicted::toString);
        assertTrue(predicted.stdout().contains("denoised 20 inputs"), predicted::toString);
        BufferedImage image = ImageIO.read(denoised.resolve("denoised/000019.png").toFile());
        assertEquals(28, image.getWidth());
        assertEquals(28, image.getHeight());
        String registry = dir.resolve("registry").toString();
        DlSparkProcess.Outcome registered = DlSparkProcess.run("registry", "register", "--registry", registry,
                "--run", run.toString(), "--name", "denoiser");
        assertEquals(0, registered.exitCode(), registered::toString);
        assertTrue(registered.stdout().matches("(?s).*version 1 \\(test score \\d+\\.\\d\\d dB\\).*"),
                registered::toString);
        DlSparkProcess.Outcome promoted = DlSparkProcess.run("registry", "promote", "--registry", registry, "--name",
                "denoiser", "--version", "1", "--master", "local[2]");
        assertEquals(0, promoted.exitCode(), promoted::toString);
        assertTrue(promoted.stdout().contains("candidate PSNR"), promoted::toString);

        DlSparkProcess.Outcome served = DlSparkProcess.run("serve", "--model", run.toString(), "--port", "0");
        assertEquals(1, served.exitCode(), served::toString);
        assertTrue(served.stderr().contains("'autoencoder' is a reconstruction model and gives no classes to score"),
                served::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-jvm", "parameter-averaging", "gradient-sharing"})
    void ganTrainsWithEveryStrategyIntoARunFolder(String strategy) throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        Path run = dir.resolve("gan");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "gan", "--strategy", strategy,
                "--master", "local[2]", "--epochs", "2", "--batch", "4", "--data", data.toString(), "--out",
                run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        assertTrue(trained.stdout().contains("test samples taken for real"), trained::toString);
        assertTrue(trained.stdout().contains("give --classifier to have a trained classifier judge the samples"),
                trained::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(strategy, metrics.get("strategy").asText());
        double takenForReal = metrics.get("takenForReal").asDouble();
        assertTrue(takenForReal >= 0 && takenForReal <= 1, metrics::toString);
        assertEquals(takenForReal, metrics.get("history").get(1).get("testTakenForReal").asDouble(), 1e-9);
        assertTrue(Files.exists(run.resolve("samples.png")));
        assertTrue(Files.exists(run.resolve("checkpoints/epoch-0002.zip")));
    }

    @Test
    void qualityJudgesTheGanTrainedByGradientSharingAndEvaluatePredictAndTheRegistryTakeIt() throws Exception {
        Path data = IdxFixtures.validData(Files.createDirectories(dir.resolve("data")));
        Path judge = dir.resolve("judge");
        DlSparkProcess.Outcome classifier = DlSparkProcess.run("train", "--model", "cnn", "--strategy", "single-jvm",
                "--epochs", "1", "--baseline", "false", "--data", data.toString(), "--out", judge.toString());
        assertEquals(0, classifier.exitCode(), classifier::toString);
        Path run = dir.resolve("gan");
        DlSparkProcess.Outcome measured = DlSparkProcess.run("quality", "--model", "gan", "--strategy",
                "gradient-sharing", "--master", "local[2]", "--epochs", "1", "--data", data.toString(),
                "--classifier", judge.toString(), "--out", run.toString());
        assertTrue(measured.exitCode() == 0 || measured.exitCode() == 3, measured::toString);
        assertTrue(measured.stdout().contains("2 workers on local[2], gradient sharing"), measured::toString);
        assertTrue(measured.stdout().contains("quality gan: mean top-class probability"), measured::toString);
        JsonNode metrics = new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        assertEquals(1000, metrics.get("samples").asInt());
        assertTrue(Files.exists(run.resolve("samples.png")));

        Path evaluation = dir.resolve("evaluation");
        DlSparkProcess.Outcome evaluated = DlSparkProcess.run("evaluate", "--model", run.toString(), "--classifier",
                judge.toString(), "--samples", "50", "--master", "local[2]", "--out", evaluation.toString());
        assertEquals(0, evaluated.exitCode(), evaluated::toString);
        assertEquals(50, new ObjectMapper().readTree(evaluation.resolve("evaluation.json").toFile()).get("samples")
                .asInt());

        Path generated = dir.resolve("generated");
        DlSparkProcess.Outcome predicted = DlSparkProcess.run("predict", "--model", run.toString(), "--generate",
                "300", "--output", generated.toString(), "--master", "local[2]");
        assertEquals(0, predicted.exitCode(), predicted::toString);
        assertTrue(predicted.stdout().contains("generated 300 images"), predicted::toString);
        BufferedImage image = ImageIO.read(generated.resolve("generated/000299.png").toFile());
        assertEquals(28, image.getWidth());

        String registry = dir.resolve("registry").toString();
        DlSparkProcess.Outcome registered = DlSparkProcess.run("registry", "register", "--registry", registry,
                "--run", run.toString(), "--name", "generator");
        assertEquals(0, registered.exitCode(), registered::toString);
        DlSparkProcess.Outcome promoted = DlSparkProcess.run("registry", "promote", "--registry", registry, "--name",
                "generator", "--version", "1", "--master", "local[2]");
        assertEquals(1, promoted.exitCode(), promoted::toString);
        assertTrue(promoted.stderr().contains("does not rank models"), promoted::toString);
    }
}
