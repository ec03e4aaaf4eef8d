package org.dlspark.preprocess;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFiles;
import org.dlspark.model.PngImages;

/**
 * Reads a folder of class folders of image files (PNG, JPEG, GIF or BMP, any size; the folder name is the class) on
 * Spark: each file decoded with ImageIO on an executor and resized (bilinear) to the data set's size, its colour
 * kept as red, green and blue planes. Whether the data set is grey or RGB is decided once every image is read
 * ({@link #channels}).
 */
final class ImageFolderSource {

    /**
     * One file as read: its pixels at the data set's size, channels first (red, green, blue planes), or the reason
     * it could not be read.
     *
     * @param file the input file
     * @param colour whether the file holds colour (else grey)
     * @param rgb the pixels, {@code 3 x height x width} bytes; null when the file is unreadable
     * @param problem why the file is unreadable; null when it was read
     */
    record DecodedImage(InputFile file, boolean colour, byte[] rgb, String problem) implements Serializable {
    }

    private ImageFolderSource() {
    }

    /**
     * The image files of {@code input}, ordered by id.
     *
     * @throws org.dlspark.data.DataFormatException when the folder is missing, holds no class folders, or a class
     *     folder is empty
     */
    static List<InputFile> files(String input) {
        return ClassFolders.list(input, "images");
    }

    /** Every file of {@code files}, decoded and resized to {@code width x height} on the executors. */
    static JavaRDD<DecodedImage> read(JavaSparkContext spark, List<InputFile> files, int width, int height,
            int partitions) {
        return spark.parallelize(files, Math.max(1, Math.min(partitions, files.size())))
                .map(file -> decode(file, width, height)).repartition(partitions);
    }

    /** {@code file} decoded and resized, or the reason it cannot be. */
    static DecodedImage decode(InputFile file, int width, int height) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(DataFiles.readAll(file.uri())));
        } catch (IOException | RuntimeException e) {
            return new DecodedImage(file, false, null, "not a readable image: " + e.getMessage());
        }
        if (image == null) {
            return new DecodedImage(file, false, null, "not an image ImageIO reads (PNG, JPEG, GIF or BMP)");
        }
        boolean colour = image.getColorModel().getNumColorComponents() >= 3;
        return new DecodedImage(file, colour, PngImages.planes(resized(image, width, height)), null);
    }

    /** {@code image} drawn at {@code width x height} with bilinear interpolation, as RGB. */
    private static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = resized.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return resized;
    }

    /**
     * The pixels of {@code image} in a data set of {@code channels}: all three planes for RGB, the first (grey
     * images have three equal ones) for grey.
     */
    static byte[] channels(DecodedImage image, int channels) {
        return channels == 3 ? image.rgb() : java.util.Arrays.copyOf(image.rgb(), image.rgb().length / 3);
    }
}
