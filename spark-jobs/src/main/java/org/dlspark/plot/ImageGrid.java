package org.dlspark.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes grayscale images as a PNG grid: one row per array of images, images side by side with a 2-pixel gap,
 * each pixel scaled up for legibility. Pixel values are in [0, 1] (clamped).
 */
public final class ImageGrid {

    private static final int GAP = 2;
    private static final int SCALE = 2;

    private ImageGrid() {
    }

    /**
     * Writes the first {@code side x side} of {@code images} ({@code [n, 1, height, width]}) as a square grid, row by
     * row.
     */
    public static void writeSquare(Path file, INDArray images, int side) throws IOException {
        List<INDArray> rows = new java.util.ArrayList<>(side);
        for (int row = 0; row < side; row++) {
            rows.add(images.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(row * side, (row + 1) * side)));
        }
        write(file, rows);
    }

    /**
     * Writes {@code rows} to {@code file}, through a temporary file renamed into place.
     *
     * @param rows each {@code [n, 1, height, width]}; all of the same shape
     */
    public static void write(Path file, List<INDArray> rows) throws IOException {
        long[] shape = rows.get(0).shape();
        int columns = (int) shape[0];
        int height = (int) shape[2];
        int width = (int) shape[3];
        int cellWidth = width * SCALE + GAP;
        int cellHeight = height * SCALE + GAP;
        BufferedImage image = new BufferedImage(columns * cellWidth + GAP, rows.size() * cellHeight + GAP,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < rows.size(); row++) {
            float[] pixels = rows.get(row).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data()
                    .asFloat();
            for (int column = 0; column < columns; column++) {
                for (int y = 0; y < height * SCALE; y++) {
                    for (int x = 0; x < width * SCALE; x++) {
                        float value = pixels[(column * height + y / SCALE) * width + x / SCALE];
                        int gray = Math.round(Math.max(0, Math.min(1, value)) * 255);
                        image.getRaster().setSample(GAP + column * cellWidth + x, GAP + row * cellHeight + y, 0,
                                gray);
                    }
                }
            }
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, "png", temporary.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
