package org.dlspark.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSourceTest {

    @TempDir
    Path dir;

    @Test
    void aColourImageIsResizedIntoRedGreenAndBluePlanes() throws Exception {
        BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, 0xC81E64); // red 200, green 30, blue 100
            }
        }
        Path file = dir.resolve("a.png");
        ImageIO.write(image, "png", file.toFile());
        ImageFolderSource.DecodedImage decoded = ImageFolderSource.decode(new InputFile("c/a.png", "c",
                file.toString()), 4, 2);
        assertNull(decoded.problem());
        assertTrue(decoded.colour());
        assertEquals(3 * 4 * 2, decoded.rgb().length);
        assertEquals(200, Byte.toUnsignedInt(decoded.rgb()[0]));
        assertEquals(30, Byte.toUnsignedInt(decoded.rgb()[8]));
        assertEquals(100, Byte.toUnsignedInt(decoded.rgb()[16]));
        assertEquals(8, ImageFolderSource.channels(decoded, 1).length, "grey keeps one plane");
    }

    @Test
    void aGreyImageIsNotColour() throws Exception {
        Path file = dir.resolve("g.png");
        ImageIO.write(new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
        assertFalse(ImageFolderSource.decode(new InputFile("c/g.png", "c", file.toString()), 3, 3).colour());
    }

    @Test
    void anUnreadableFileSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("x.png"), "text");
        ImageFolderSource.DecodedImage decoded = ImageFolderSource.decode(new InputFile("c/x.png", "c",
                file.toString()), 3, 3);
        assertEquals("not an image ImageIO reads (PNG, JPEG, GIF or BMP)", decoded.problem());
        assertNull(decoded.rgb());
    }

    @Test
    void aSizeIsWidthByHeight() {
        assertEquals(new ImageSize(32, 24), ImageSize.parse("--size", "32x24"));
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> ImageSize.parse("--size", "32"));
        assertTrue(refused.getMessage().contains("--size: '32' is not WIDTHxHEIGHT"), refused.getMessage());
        assertThrows(InvalidSettingException.class, () -> ImageSize.parse("--size", "0x5"));
    }
}
