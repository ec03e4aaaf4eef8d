package org.dlspark.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.dlspark.shard.Manifest;
import org.dlspark.zoo.InputSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows of flattened images into the minibatches an image model takes. A row's vector holds the pixels of one
 * image row by row, each pixel's channels together (height x width x channels, as Spark's image data source and
 * Keras lay them out), with values from 0 to 255; the model takes channels first, each pixel {@code p} as
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

    /** The model's input for {@code vectors}: {@code [n, channels, height, width]}, scaled. */
    INDArray features(List<Vector> vectors) {
        int h = height;
        int w = width;
        int c = channels;
        double mean = scaling.mean();
        double std = scaling.std();
        float[] values = new float[vectors.size() * length()];
        for (int n = 0; n < vectors.size(); n++) {
            Vector vector = vectors.get(n);
            int base = n * length();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int channel = 0; channel < c; channel++) {
                        double pixel = vector.apply((y * w + x) * c + channel);
                        values[base + channel * h * w + y * w + x] = (float) ((pixel - mean) / std);
                    }
                }
            }
        }
        return Nd4j.create(values, new long[] {vectors.size(), c, h, w}, 'c');
    }

    @Override
    public INDArray[] inputs(List<Row> rows, int field) {
        List<Vector> vectors = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Vector vector = (Vector) row.get(field);
            if (vector.size() != length()) {
                throw new IllegalArgumentException("a vector of length " + vector.size() + ", not " + length()
                        + " (inputShape " + height + "," + width + "," + channels + ")");
            }
            vectors.add(vector);
        }
        return new INDArray[] {features(vectors), null};
    }

    @Override
    public String takes() {
        return "image vectors (Spark ML Vector)";
    }
}
