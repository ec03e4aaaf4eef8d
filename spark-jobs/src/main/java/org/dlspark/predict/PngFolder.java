package org.dlspark.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dlspark.io.HadoopOutputFolder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A folder of the {@code predict} job's output, on any Hadoop file system, that takes images of values in [0, 1]
 * as grey PNG files named {@code NNNNNN.png} by their number.
 *
 * @param folder the Hadoop path the images go into
 * @param name its name inside the job's output, as the JSON lines give it
 */
record PngFolder(String folder, String name) implements Serializable {

    /**
     * Writes {@code images} ({@code [n, 1, height, width]}), the first as number {@code first}, and returns their
     * paths relative to the job's output.
     */
    List<String> write(INDArray images, long first) throws IOException {
        INDArray values = images.castTo(DataType.FLOAT);
        Path target = new Path(folder);
        FileSystem fs = HadoopOutputFolder.fileSystem(target);
        List<String> written = new ArrayList<>((int) values.size(0));
        for (int i = 0; i < values.size(0); i++) {
            String file = String.format(Locale.ROOT, "%06d.png", first + i);
            try (OutputStream out = fs.create(new Path(target, file), true)) {
                if (!ImageIO.write(grey(values.slice(i)), "png", out)) {
                    throw new IOException("no PNG writer for " + file);
                }
            }
            written.add(name + "/" + file);
        }
        return written;
    }

    /** A {@code [1, height, width]} image of values in [0, 1] as 8-bit grey. */
    private static BufferedImage grey(INDArray image) {
        long[] shape = image.shape();
        int height = (int) shape[shape.length - 2];
        int width = (int) shape[shape.length - 1];
        float[] values = image.dup('c').data().asFloat();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.getRaster().setSample(x, y, 0, Math.round(Math.max(0, Math.min(1, values[y * width + x]))
                        * 255));
            }
        }
        return picture;
    }
}
