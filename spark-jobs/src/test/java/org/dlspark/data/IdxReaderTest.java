package org.dlspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRawAndGzippedImagesAlike() throws IOException {
        byte[] content = IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 4);
        IdxImages raw = IdxReader.readImages(IdxFiles.write(dir.resolve("raw"), content).toString());
        IdxImages gzip = IdxReader.readImages(IdxFiles.writeGzip(dir.resolve("any-name"), content).toString());
        assertEquals(3, raw.count());
        assertEquals(4, raw.rows());
        assertEquals(4, raw.cols());
        assertEquals(5, Byte.toUnsignedInt(raw.pixels()[16 + 4]));
        assertArrayEquals(raw.pixels(), gzip.pixels());
    }

    @Test
    void readsLabels() throws IOException {
        Path file = IdxFiles.writeGzip(dir.resolve("labels.gz"), IdxFiles.labels(0, 9, 3));
        assertArrayEquals(new byte[] {0, 9, 3}, IdxReader.readLabels(file.toString()));
    }

    @Test
    void wrongMagicNumberNamesTheFile() throws IOException {
        Path file = IdxFiles.write(dir.resolve("images"), IdxFiles.images(2052, 1, 2));
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> IdxReader.readImages(file.toString()));
        assertMessage(error, file.toString(), "wrong magic number 2052");
    }

    @Test
    void labelsFileGivenAsImagesIsRefused() throws IOException {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(1, 2));
        assertMessage(assertThrows(DataFormatException.class, () -> IdxReader.readImages(file.toString())),
                file.toString(), "2049");
    }

    @Test
    void truncatedRawFileNamesTheFile() throws IOException {
        byte[] content = IdxFiles.images(IdxReader.IMAGES_MAGIC, 5, 4);
        Path file = IdxFiles.write(dir.resolve("short"), Arrays.copyOf(content, content.length - 7));
        assertMessage(assertThrows(DataFormatException.class, () -> IdxReader.readImages(file.toString())),
                file.toString(), "truncated");
    }

    @Test
    void truncatedGzipNamesTheFile() throws IOException {
        Path whole = IdxFiles.writeGzip(dir.resolve("whole.gz"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 50, 28));
        byte[] gzip = Files.readAllBytes(whole);
        Path file = IdxFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gzip, gzip.length / 2));
        assertMessage(assertThrows(DataFormatException.class, () -> IdxReader.readImages(file.toString())),
                file.toString(), "truncated");
    }

    @Test
    void dataPastTheHeaderCountIsRefused() throws IOException {
        byte[] content = IdxFiles.labels(1, 2, 3);
        Path file = IdxFiles.write(dir.resolve("long"), Arrays.copyOf(content, content.length + 1));
        assertMessage(assertThrows(DataFormatException.class, () -> IdxReader.readLabels(file.toString())),
                file.toString(), "past the 3 bytes");
    }

    @Test
    void zeroDimensionIsRefused() throws IOException {
        Path file = IdxFiles.write(dir.resolve("empty"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 0, 4));
        assertMessage(assertThrows(DataFormatException.class, () -> IdxReader.readImages(file.toString())),
                file.toString(), "invalid image count 0");
    }

    @Test
    void missingFileIsNamed() {
        String missing = dir.resolve("nope.gz").toString();
        assertMessage(assertThrows(DataFormatException.class, () -> IdxReader.readLabels(missing)), missing,
                "not found");
    }

    @Test
    void labelCountDifferentFromImageCountNamesBothFiles() throws IOException {
        Path images = IdxFiles.write(dir.resolve("images"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2));
        Path labels = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(1, 2));
        DataFormatException error = assertThrows(DataFormatException.class,
                () -> LabelledImages.read(images.toString(), labels.toString(), 10));
        assertMessage(error, labels.toString(), "2 labels");
        assertMessage(error, images.toString(), "3 images");
    }

    @Test
    void labelOutsideTheClassesNamesTheRecord() throws IOException {
        Path images = IdxFiles.write(dir.resolve("images"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 3, 2));
        Path labels = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(1, 12, 2));
        assertMessage(assertThrows(DataFormatException.class,
                () -> LabelledImages.read(images.toString(), labels.toString(), 10)), labels.toString(),
                "record 1 has label 12");
    }

    private static void assertMessage(Exception error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), () -> "'" + part + "' not in: " + error.getMessage());
        }
    }
}
