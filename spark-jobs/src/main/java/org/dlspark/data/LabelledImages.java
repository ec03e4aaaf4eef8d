package org.dlspark.data;

/**
 * Images with one class label each, read from an IDX images file and an IDX labels file that must agree in count.
 *
 * @param images the images
 * @param labels one label per image, each in {@code [0, classes)}
 * @param classes the number of classes
 */
public record LabelledImages(IdxImages images, byte[] labels, int classes) {

    /**
     * Reads and cross-checks an images file and its labels file.
     *
     * @throws DataFormatException when either file is defective, the counts differ, or a label is out of range
     */
    public static LabelledImages read(String imagesUri, String labelsUri, int classes) {
        IdxImages images = IdxReader.readImages(imagesUri);
        byte[] labels = IdxReader.readLabels(labelsUri);
        if (labels.length != images.count()) {
            throw new DataFormatException(labelsUri + ": has " + labels.length + " labels but " + imagesUri + " has "
                    + images.count() + " images");
        }
        for (int i = 0; i < labels.length; i++) {
            int label = Byte.toUnsignedInt(labels[i]);
            if (label >= classes) {
                throw new DataFormatException(labelsUri + ": record " + i + " has label " + label + ", outside 0.."
                        + (classes - 1));
            }
        }
        return new LabelledImages(images, labels, classes);
    }

    /** Number of labelled images. */
    public int size() {
        return labels.length;
    }

    /** The label of image {@code i}. */
    public int label(int i) {
        return Byte.toUnsignedInt(labels[i]);
    }
}
