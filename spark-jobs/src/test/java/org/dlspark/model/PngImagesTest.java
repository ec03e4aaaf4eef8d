package org.dlspark.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngImagesTest {

    @Test
    void aGreyPngKeepsItsStoredValues() {
        byte[] pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 256);
        }
        assertArrayEquals(pixels, PngImages.grey(PngImages.png(pixels, 28, 28), 28, 28, "grey.png"));
    }

    @Test
    void aColourPngBecomesItsLuminance() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x808080);
        image.setRGB(1, 0, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        byte[] grey = PngImages.grey(png.toByteArray(), 1, 2, "colour.png");
        assertEquals(128, grey[0] & 0xff);
        assertEquals(76, grey[1] & 0xff); // 255 * 0.299
    }

    @Test
    void aModelOfThreeChannelsGetsRedGreenAndBluePlanes() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x102030);
        image.setRGB(1, 0, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);

        byte[] planes = PngImages.pixels(png.toByteArray(), 1, 2, 3, "colour.png");
        assertArrayEquals(new byte[] {0x10, (byte) 0xff, 0x20, 0, 0x30, 0}, planes);
        assertEquals(2, PngImages.pixels(png.toByteArray(), 1, 2, 1, "colour.png").length);
    }
}
