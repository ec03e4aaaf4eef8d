package org.dlspark.preprocess;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.LabelledImages;

/**
 * Reads a folder of MNIST-style IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each gzipped or not) on Spark: the training and
 * test file pairs are parsed and validated in parallel tasks, then spread over the partitions.
 */
final class ImageSource {

    /** One image as read: id {@code train/00042} or {@code t10k/00042}, its label and raw pixels. */
    record RawImage(String id, boolean fromTestFiles, int label, byte[] pixels) implements Serializable {
    }

    /** The image and label files of one part, and its name in ids. */
    record FilePair(String part, String images, String labels) implements Serializable {
    }

    private ImageSource() {
    }

    /**
     * The training and test file pairs in {@code folder}.
     *
     * @throws DataFormatException naming the first file that is missing
     */
    static List<FilePair> pairs(String folder) {
        String base = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        List<FilePair> pairs = new ArrayList<>();
        for (String part : List.of("train", "t10k")) {
            pairs.add(new FilePair(part, locate(base, part + "-images-idx3-ubyte"),
                    locate(base, part + "-labels-idx1-ubyte")));
        }
        return pairs;
    }

    private static String locate(String folder, String name) {
        return DataFiles.findGzippedOrRaw(folder, name)
                .orElseThrow(() -> new DataFormatException(folder + "/" + name + "[.gz]: file not found"));
    }

    /** Every image of both parts, validated (magic numbers, sizes, counts, labels below {@code classes}). */
    static JavaRDD<RawImage> read(JavaSparkContext spark, List<FilePair> pairs, int classes, int partitions) {
        return spark.parallelize(pairs, pairs.size()).flatMap(pair -> {
            LabelledImages images = LabelledImages.read(pair.images(), pair.labels(), classes);
            int pixels = images.images().pixelsPerImage();
            List<RawImage> all = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                byte[] own = new byte[pixels];
                System.arraycopy(images.images().pixels(), i * pixels, own, 0, pixels);
                all.add(new RawImage(String.format("%s/%05d", pair.part(), i), pair.part().equals("t10k"),
                        images.label(i), own));
            }
            return all.iterator();
        }).repartition(partitions);
    }
}
