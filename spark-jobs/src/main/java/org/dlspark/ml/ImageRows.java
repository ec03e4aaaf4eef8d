package org.dlspark.ml;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.dlspark.shard.Manifest;
import org.dlspark.zoo.InputSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows of images into the minibatches an image model takes. A row holds a vector of the pixels of one
 * image row by row, each pixel's channels together (height x width x channels, as Keras lays them out), with values
 * from 0 to 255, or an image of Spark's image data source, resized to the model's input ({@link SparkImage}); the model takes channels first, each pixel {@code p} as
 * {@code (p - mean) / std}, as its data set's normaliser says ({@link #SCALE}: to [0, 1]).
 *
 * @param height the images' height
 * @param width their width
 * @param channels their channels
 * @param classes the number of classes (the width of a one-hot label)
 * @param scaling how a pixel becomes a feature
 */
record ImageRows(int height, int width, int channels, int classes, Manifest.Normaliser scaling)
        implements RowEncoder {

    /** Pixels from 0 to 255 scaled to [0, 1], as a model trained here takes them. */
    static final Manifest.Normaliser SCALE = new Manifest.Normaliser("scale", 0, 255);

    /** Rows of images of the size {@code images} states, scaled by {@link #SCALE}. */
    static ImageRows of(InputSpec.Images images, int classes) {
        return new ImageRows(images.height(), images.width(), images.channels(), classes, SCALE);
    }

    /** Pixels per image. */
    int length() {
        return height * width * channels;
    }

    /**
     * The model's input for the values of {@code field} in {@code rows}: {@code [n, channels, height, width]},
     * scaled. A value is a pixel vector of exactly this shape, or an image of the image data source, resized.
     */
    @Override
    public INDArray[] inputs(List<Row> rows, int field) {
        int h = height;
        int w = width;
        int c = channels;
        double mean = scaling.mean();
        double std = scaling.std();
        float[] values = new float[rows.size() * length()];
        for (int n = 0; n < rows.size(); n++) {
            Object value = rows.get(n).get(field);
            Vector vector = value instanceof Vector given ? given : null;
            SparkImage image = vector == null ? SparkImage.of((Row) value) : null;
            if (vector != null && vector.size() != length()) {
                throw new IllegalArgumentException("a vector of length " + vector.size() + ", not " + length()
                        + " (inputShape " + h + "," + w + "," + c + ")");
            }
            int base = n * length();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int channel = 0; channel < c; channel++) {
                        double pixel = vector != null ? vector.apply((y * w + x) * c + channel)
                                : image.sample(y, x, h, w, channel, c);
                        values[base + channel * h * w + y * w + x] = (float) ((pixel - mean) / std);
                    }
                }
            }
        }
        return new INDArray[] {Nd4j.create(values, new long[] {rows.size(), c, h, w}, 'c'), null};
    }

}
