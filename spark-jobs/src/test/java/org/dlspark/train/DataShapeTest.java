package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dlspark.zoo.ModelZoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataShapeTest {

    private static final DataShape TEXTS = new DataShape("texts/manifest.json",
            Map.of("classes", 3, "vocabularySize", 26, "maxLength", 16));

    @Test
    void theDataFillsTheKeysLeftOut() {
        assertEquals(Map.of("classes", "3", "vocabularySize", "26", "maxLength", "16", "hiddenSize", "32"),
                TEXTS.fit("lstm", Map.of("hiddenSize", "32")));
    }

    @Test
    void keysTheModelLacksAreLeftOut() {
        assertEquals(Map.of("classes", "3"), TEXTS.fit("cnn", Map.of()));
    }

    @Test
    void aLargerVocabularyFitsButNoOtherDifference() {
        assertEquals("100", TEXTS.fit("lstm", Map.of("vocabularySize", "100")).get("vocabularySize"));
        assertEquals("--hp vocabularySize: 20 contradicts the data: texts/manifest.json gives vocabularySize=26 "
                + "(at least)", assertThrows(InvalidSettingException.class,
                        () -> TEXTS.fit("lstm", Map.of("vocabularySize", "20"))).getMessage());
        assertEquals("--hp classes: 2 contradicts the data: texts/manifest.json gives classes=3",
                assertThrows(InvalidSettingException.class, () -> TEXTS.fit("lstm", Map.of("classes", "2")))
                        .getMessage());
    }

    @Test
    void rawDataFixesNothing() {
        assertEquals(Map.of("classes", "2"), DataShape.of("no/such/folder").fit("lstm", Map.of("classes", "2")));
    }

    @Test
    void idxFilesGiveTheirImageSize(@TempDir Path folder) throws IOException {
        writeIdxImages(folder.resolve("train-images-idx3-ubyte"), 3, 20, 24);
        DataShape shape = DataShape.of(folder.toString());
        assertEquals(Map.of("channels", "1", "height", "20", "width", "24"), shape.fit("cnn", Map.of()));
        assertEquals("--model: 'autoencoder' takes 28x28x1 images, but " + folder.resolve("train-images-idx3-ubyte")
                + " holds 20x24x1 images", assertThrows(InvalidSettingException.class,
                        () -> shape.requireInputOf(ModelZoo.create("autoencoder"))).getMessage());
        shape.requireInputOf(ModelZoo.create("cnn", Map.of("height", 20, "width", 24)));
    }

    private static void writeIdxImages(Path file, int count, int rows, int columns) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(16 + count * rows * columns);
        bytes.putInt(2051).putInt(count).putInt(rows).putInt(columns);
        Files.write(file, bytes.array());
    }
}
