package org.dlspark.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.io.HadoopOutputFolder;
import org.dlspark.model.ModelInputs;
import org.dlspark.model.TrainedModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Denoises raw images with a trained autoencoder and writes each output as a grey PNG file, {@code NNNNNN.png} by
 * the input's place, into a folder on any Hadoop file system. One denoiser is used by one thread at a time.
 */
final class Denoiser {

    /** One input's output: where its denoised image went, relative to the job's output folder. */
    record DenoisedImage(String id, String image) {
    }

    private final ComputationGraph network;
    private final ModelInputs inputs;
    private final String folder;
    private final String relativeFolder;

    /**
     * @param folder the Hadoop path the images go into
     * @param relativeFolder its name inside the job's output, as the JSON lines give it
     */
    Denoiser(TrainedModel model, String folder, String relativeFolder) {
        this.network = model.network();
        this.inputs = ModelInputs.of(model);
        this.folder = folder;
        this.relativeFolder = relativeFolder;
    }

    /** How raw inputs are prepared for this model. */
    ModelInputs inputs() {
        return inputs;
    }

    /** Denoises {@code images} (unsigned pixels, row by row), the first being input number {@code first}. */
    List<DenoisedImage> denoise(List<String> ids, List<byte[]> images, long first) throws IOException {
        INDArray output = network.outputSingle(false, inputs.images(images)).castTo(DataType.FLOAT);
        Path target = new Path(folder);
        FileSystem fs = HadoopOutputFolder.fileSystem(target);
        List<DenoisedImage> written = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String name = String.format(Locale.ROOT, "%06d.png", first + i);
            try (OutputStream out = fs.create(new Path(target, name), true)) {
                if (!ImageIO.write(grey(output.slice(i)), "png", out)) {
                    throw new IOException("no PNG writer for " + name);
                }
            }
            written.add(new DenoisedImage(ids.get(i), relativeFolder + "/" + name));
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
