package org.dlspark.data;

import java.util.List;

/**
 * The Fashion-MNIST data set in a folder: the four IDX files under their usual names, gzipped or not.
 * 60,000 training and 10,000 test images of 28x28 pixels in 10 classes. Any data set in the same files and layout
 * is read the same way (MNIST, or images of another size in 10 classes).
 */
public final class FashionMnist {

    /** The ten class names, in label order. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

    private final String folder;

    /** The data set in {@code folder}, a Hadoop path. */
    public FashionMnist(String folder) {
        this.folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    /** The training images file in {@code folder}, if it has one. */
    public static java.util.Optional<String> trainImages(String folder) {
        return DataFiles.findGzippedOrRaw(folder, TRAIN_IMAGES);
    }

    /** The 60,000 training images. */
    public LabelledImages train() {
        return LabelledImages.read(locate(TRAIN_IMAGES), locate("train-labels-idx1-ubyte"),
                CLASS_NAMES.size());
    }

    /** The 10,000 test images. */
    public LabelledImages test() {
        return LabelledImages.read(locate("t10k-images-idx3-ubyte"), locate("t10k-labels-idx1-ubyte"),
                CLASS_NAMES.size());
    }

    /**
     * The file of {@code baseName} (e.g. {@code train-images-idx3-ubyte}) in the folder, gzipped or not.
     *
     * @throws DataFormatException naming the file when neither is there
     */
    public String locate(String baseName) {
        return DataFiles.findGzippedOrRaw(folder, baseName).orElseThrow(() -> new DataFormatException(folder + "/"
                + baseName + ".gz: file not found (nor " + baseName + "); run 'dlspark fetch-data' or point --data at "
                + "a folder with the four Fashion-MNIST IDX files"));
    }
}
