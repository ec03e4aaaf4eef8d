package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of class folders of colour PNG and JPEG images of several sizes: {@code preprocess --format images}
 * resizes them to 32x32 RGB (an unreadable file named, or left out with {@code --skip-bad}), and the CNN takes its
 * input shape and classes from the data, with no {@code --hp}.
 */
class ImageFolderIT {

    private static final List<String> COLOURS = List.of("red", "green", "blue");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path images;
    private static Path shards;
    private static DlSparkProcess.Outcome preprocessed;

    @BeforeAll
    static void preprocessThreeColours() throws Exception {
        images = dir.resolve("images");
        Random random = new Random(3);
        int[][] sizes = {{40, 36}, {48, 48}, {30, 34}};
        for (int colour = 0; colour < COLOURS.size(); colour++) {
            Path folder = Files.createDirectories(images.resolve(COLOURS.get(colour)));
            for (int i = 0; i < 90; i++) {
                int[] size = sizes[i % sizes.length];
                BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < size[1]; y++) {
                    for (int x = 0; x < size[0]; x++) {
                        int rgb = 0;
                        for (int channel = 0; channel < 3; channel++) {
                            int level = (channel == colour ? 170 : 70) + (int) (50 * random.nextGaussian());
                            rgb = rgb << 8 | Math.min(255, Math.max(0, level));
                        }
                        image.setRGB(x, y, rgb);
                    }
                }
                String format = i % 2 == 0 ? "png" : "jpg";
                ImageIO.write(image, format, folder.resolve(i + "." + format).toFile());
            }
        }
        Files.writeString(images.resolve("red/broken.png"), "not an image", StandardCharsets.UTF_8);
        shards = dir.resolve("shards");
        preprocessed = preprocess(shards, "--skip-bad");
    }

    private static DlSparkProcess.Outcome preprocess(Path output, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("preprocess", "--input", images.toString(), "--format",
                "images", "--size", "32x32", "--output", output.toString(), "--shards", "2", "--master",
                "local[2]"));
        args.addAll(List.of(more));
        return DlSparkProcess.run(args.toArray(String[]::new));
    }

    @Test
    void anUnreadableFileIsNamedOrSkippedAndCounted() throws Exception {
        Path output = dir.resolve("refused");
        DlSparkProcess.Outcome refused = preprocess(output);
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("red/broken.png: not an image ImageIO reads (PNG, JPEG, GIF or BMP); "
                + "--skip-bad leaves such files out"), refused::toString);
        assertFalse(Files.exists(output), "nothing written");

        assertEquals(0, preprocessed.exitCode(), preprocessed::toString);
        assertTrue(preprocessed.stdout().contains("skipped 1 unreadable files (--skip-bad)"), preprocessed::toString);
        JsonNode manifest = JSON.readTree(shards.resolve("manifest.json").toFile());
        assertEquals("[3,32,32]", manifest.get("featureShape").toString(), manifest.toString());
        assertEquals(270, manifest.at("/splits/train/examples").asLong() + manifest.at("/splits/validation/examples")
                .asLong() + manifest.at("/splits/test/examples").asLong(), manifest.toString());
    }

    @Test
    void theCnnTakesItsInputShapeFromTheData() throws Exception {
        Path run = dir.resolve("cnn");
        DlSparkProcess.Outcome trained = DlSparkProcess.run("train", "--model", "cnn", "--data", shards.toString(),
                "--epochs", "2", "--batch", "16", "--workers", "2", "--master", "local[2]", "--out", run.toString());
        assertEquals(0, trained.exitCode(), trained::toString);
        JsonNode hyperparameters = JSON.readTree(run.resolve("run.json").toFile()).get("hyperparameters");
        assertEquals("3", hyperparameters.get("classes").asText(), hyperparameters.toString());
        assertEquals("3", hyperparameters.get("channels").asText(), hyperparameters.toString());
        assertEquals("32", hyperparameters.get("height").asText(), hyperparameters.toString());
        assertEquals("32", hyperparameters.get("width").asText(), hyperparameters.toString());
        JsonNode metrics = JSON.readTree(run.resolve("metrics.json").toFile());
        System.out.printf("32x32 RGB folder, cnn, 2 epochs: test accuracy %.4f, baseline %.4f%n",
                metrics.get("accuracy").asDouble(), metrics.at("/baseline/accuracy").asDouble());
        assertTrue(metrics.get("accuracy").asDouble() > 0.9, metrics.toString());
        DlSparkProcess.Outcome evaluated = DlSparkProcess.run("evaluate", "--model", run.toString(), "--master",
                "local[2]", "--out", dir.resolve("evaluation").toString());
        assertEquals(0, evaluated.exitCode(), evaluated::toString);
        assertTrue(JSON.readTree(dir.resolve("evaluation/evaluation.json").toFile()).at("/baseline/accuracy")
                .asDouble() > 0.5, "the baseline beside the evaluation");

        DlSparkProcess.Outcome refused = DlSparkProcess.run("train", "--model", "cnn", "--data", shards.toString(),
                "--hp", "channels=1", "--out", dir.resolve("grey").toString());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.stderr().contains("--hp channels: 1 contradicts the data: " + shards
                + "/manifest.json gives channels=3"), refused::toString);
    }
}
