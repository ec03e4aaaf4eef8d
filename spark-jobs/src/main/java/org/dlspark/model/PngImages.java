package org.dlspark.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.dlspark.data.DataFormatException;

/** Reads PNG (or any ImageIO format) images as grey pixels 0..255, row by row, for a model's input size. */
public final class PngImages {

    private PngImages() {
    }

    /**
     * The grey pixels of the image in {@code bytes}, which must be {@code height} x {@code width}.
     *
     * @param name the image's name for errors
     * @throws DataFormatException naming it when it is no image or has another size
     */
    public static byte[] grey(byte[] bytes, int height, int width, String name) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new DataFormatException(name + ": not a readable image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DataFormatException(name + ": not an image (PNG expected)");
        }
        if (image.getHeight() != height || image.getWidth() != width) {
            throw new DataFormatException(name + ": the image is " + image.getWidth() + "x" + image.getHeight()
                    + "; the model takes " + width + "x" + height);
        }
        byte[] pixels = new byte[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114 + 500) / 1000;
                pixels[y * width + x] = (byte) grey;
            }
        }
        return pixels;
    }

    /** {@code pixels} (grey 0..255, row by row) as a PNG file's bytes. */
    public static byte[] png(byte[] pixels, int height, int width) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height, pixels);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
