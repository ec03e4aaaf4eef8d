package org.dlspark.model;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.dlspark.data.DataFormatException;

/**
 * Reads PNG (or any ImageIO format) images as pixels 0..255 for a model's input: grey, row by row, or red, green
 * and blue planes one after the other (as {@code preprocess --format images} stores colour).
 */
public final class PngImages {

    private PngImages() {
    }

    /**
     * The pixels of the image in {@code bytes}, which must be {@code height} x {@code width}: grey for one channel
     * (a colour image by its luminance), the red, green and blue planes for three.
     *
     * @param name the image's name for errors
     * @throws DataFormatException naming it when it is no image or has another size
     */
    public static byte[] pixels(byte[] bytes, int height, int width, int channels, String name) {
        return channels == 3 ? planes(decode(bytes, height, width, name)) : grey(bytes, height, width, name);
    }

    /**
     * The grey pixels of the image in {@code bytes}, which must be {@code height} x {@code width}.
     *
     * @param name the image's name for errors
     * @throws DataFormatException naming it when it is no image or has another size
     */
    public static byte[] grey(byte[] bytes, int height, int width, String name) {
        BufferedImage image = decode(bytes, height, width, name);
        return isGrey(image) ? greySamples(image) : luminance(image);
    }

    private static BufferedImage decode(byte[] bytes, int height, int width, String name) {
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
        return image;
    }

    /** The red, green and blue planes of {@code image}, one after the other, row by row. */
    public static byte[] planes(BufferedImage image) {
        int plane = image.getHeight() * image.getWidth();
        byte[] pixels = new byte[3 * plane];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int at = y * image.getWidth() + x;
                pixels[at] = (byte) (rgb >> 16);
                pixels[plane + at] = (byte) (rgb >> 8);
                pixels[2 * plane + at] = (byte) rgb;
            }
        }
        return pixels;
    }

    /** Whether the image stores one grey value per pixel (not palette indices). */
    private static boolean isGrey(BufferedImage image) {
        return image.getRaster().getNumBands() == 1 && !(image.getColorModel() instanceof IndexColorModel);
    }

    /**
     * A grey image's stored values, scaled to 0..255. Not through {@code getRGB}, which converts Java's linear grey
     * colour space to sRGB and brightened a stored 100 to 168.
     */
    private static byte[] greySamples(BufferedImage image) {
        Raster raster = image.getRaster();
        int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        byte[] pixels = new byte[image.getHeight() * image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels[y * image.getWidth() + x] = (byte) Math.round(raster.getSample(x, y, 0) * 255.0 / max);
            }
        }
        return pixels;
    }

    /** A colour image's luminance (ITU-R BT.601 weights). */
    private static byte[] luminance(BufferedImage image) {
        byte[] pixels = new byte[image.getHeight() * image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114 + 500) / 1000;
                pixels[y * image.getWidth() + x] = (byte) grey;
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
