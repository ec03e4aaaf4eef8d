package org.dlspark.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dlspark.data.FashionMnist;
import org.dlspark.data.IdxReader;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardedData;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/**
 * What a preprocessed data set fixes about the classifier that trains on it, read from its manifest: the number of
 * classes; for images their height, width and channels; for texts the vocabulary size and the sequence length. The model's hyperparameters take these
 * values, so that a 3-class data set trains without {@code --hp}; a value given with {@code --hp} that contradicts
 * the data is refused before any Spark work, naming both. Raw Fashion-MNIST and email corpora fit the zoo's
 * defaults (10 and 2 classes) and fix nothing.
 *
 * @param source where the values come from, for messages
 * @param values hyperparameter values by key: {@code classes}, {@code height}, {@code width}, {@code channels},
 *     {@code vocabularySize}, {@code maxLength}
 */
public record DataShape(String source, Map<String, Integer> values) {

    private static final String CLASSES = "classes";
    private static final String VOCABULARY_SIZE = "vocabularySize";
    private static final String MAX_LENGTH = "maxLength";
    private static final String CHANNELS = "channels";
    private static final String HEIGHT = "height";
    private static final String WIDTH = "width";

    /**
     * The shape of the data in {@code folder} (a Hadoop path): a preprocessed data set's, from its manifest; IDX
     * files' image size, from the training images' header; else empty.
     */
    public static DataShape of(String folder) {
        if (!ShardedData.isPreprocessed(folder)) {
            return FashionMnist.trainImages(folder).map(DataShape::ofIdx).orElse(new DataShape(folder, Map.of()));
        }
        Manifest manifest = ShardedData.readManifest(folder);
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put(CLASSES, manifest.classes().size());
        long[] shape = manifest.featureShape();
        if (!manifest.masked() && shape.length == 3) {
            values.put(CHANNELS, Math.toIntExact(shape[0]));
            values.put(HEIGHT, Math.toIntExact(shape[1]));
            values.put(WIDTH, Math.toIntExact(shape[2]));
        }
        if (manifest.masked() && manifest.vocabulary() != null && manifest.featureShape().length == 1) {
            values.put(VOCABULARY_SIZE, manifest.vocabulary().size());
            values.put(MAX_LENGTH, Math.toIntExact(manifest.featureShape()[0]));
        }
        return new DataShape(folder + "/" + Manifest.FILE, values);
    }

    /** The image size of an IDX images file: one channel, its rows and columns. */
    private static DataShape ofIdx(String images) {
        int[] sides = IdxReader.readImageSides(images);
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put(CHANNELS, 1);
        values.put(HEIGHT, sides[0]);
        values.put(WIDTH, sides[1]);
        return new DataShape(images, values);
    }

    /**
     * The hyperparameters of {@code model}: {@code given} with the data's values added for the keys the model has
     * and {@code given} leaves out.
     *
     * @throws InvalidSettingException naming the key when a given value contradicts the data: another number of
     *     classes or sequence length, or a vocabulary smaller than the data's
     */
    public Map<String, String> fit(String model, Map<String, String> given) {
        List<String> keys = ModelZoo.keys(model);
        Map<String, String> fitted = new LinkedHashMap<>(given);
        values.forEach((key, fromData) -> {
            if (!keys.contains(key)) {
                return;
            }
            if (!given.containsKey(key)) {
                fitted.put(key, Integer.toString(fromData));
                return;
            }
            Integer value = integer(given.get(key));
            boolean fits = value == null || (key.equals(VOCABULARY_SIZE) ? value >= fromData : value.equals(fromData));
            if (!fits) {
                throw new InvalidSettingException("--hp " + key, value + " contradicts the data: " + source
                        + " gives " + key + "=" + fromData + (key.equals(VOCABULARY_SIZE) ? " (at least)" : ""));
            }
        });
        return fitted;
    }

    /**
     * Refuses {@code model} when its input images differ in size from the data's (a family whose image size is
     * fixed, such as the autoencoder's 28x28x1, trained on images of another size).
     *
     * @throws InvalidSettingException naming {@code --model} and both sizes
     */
    public void requireInputOf(ZooModel model) {
        if (!values.containsKey(HEIGHT) || !(model.input() instanceof InputSpec.Images images)) {
            return;
        }
        InputSpec.Images data = new InputSpec.Images(values.get(HEIGHT), values.get(WIDTH), values.get(CHANNELS));
        if (!images.equals(data)) {
            throw new InvalidSettingException("--model", "'" + model.name() + "' takes " + size(images)
                    + " images, but " + source + " holds " + size(data) + " images");
        }
    }

    private static String size(InputSpec.Images images) {
        return images.height() + "x" + images.width() + "x" + images.channels();
    }

    /** The value as an integer, or null when it is none (the zoo then refuses it, naming the key). */
    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
