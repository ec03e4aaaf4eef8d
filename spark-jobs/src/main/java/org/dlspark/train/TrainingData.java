package org.dlspark.train;

import java.util.Locale;
import org.dlspark.data.ClassificationData;
import org.dlspark.data.FashionMnistData;
import org.dlspark.data.text.EmailClassificationData;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardedData;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.ZooModel;

/** Chooses and reads the data a classifier trains on, from the input it takes. */
public final class TrainingData {

    /** The share of each class of emails held out for testing. */
    public static final double EMAIL_TEST_FRACTION = 0.2;

    private TrainingData() {
    }

    /**
     * A preprocessed data set (a folder with {@code manifest.json}), checked to fit the model's input.
     *
     * @throws InvalidSettingException naming {@code --data} when it does not
     */
    private static ClassificationData sharded(ZooModel model, String folder, boolean skipCorrupt) {
        ShardedData data = new ShardedData(folder, skipCorrupt);
        Manifest manifest = data.manifest();
        boolean fits = false;
        if (model.input() instanceof InputSpec.Images images) {
            fits = !manifest.masked() && java.util.Arrays.equals(manifest.featureShape(),
                    new long[] {images.channels(), images.height(), images.width()});
        } else if (model.input() instanceof InputSpec.TokenSequences text) {
            fits = manifest.masked() && manifest.featureShape().length == 1
                    && manifest.featureShape()[0] == text.maxLength()
                    && manifest.vocabulary().size() <= text.vocabularySize();
        }
        if (!fits) {
            throw new InvalidSettingException("--data", folder + " holds examples of shape "
                    + java.util.Arrays.toString(manifest.featureShape()) + (manifest.masked() ? " (sequences)" : "")
                    + ", which model '" + model.name() + "' (input " + model.input() + ") does not take");
        }
        return data;
    }

    /**
     * A data set written by {@code preprocess} when {@code folder} holds one; otherwise IDX files (Fashion-MNIST's
     * layout) for a model of one-channel images, an email corpus (SpamAssassin layout, 20% of each class
     * held out, split by {@code seed}) for a classifier of token sequences.
     *
     * @param folder the data folder, a Hadoop path
     * @throws InvalidSettingException naming {@code --model} when the model is no classifier of either input
     */
    public static ClassificationData open(ZooModel model, String folder, long seed) {
        return open(model, folder, seed, false);
    }

    /**
     * As {@link #open(ZooModel, String, long)}; with {@code skipCorrupt}, corrupt shards of a preprocessed data set
     * are left out and listed ({@link ClassificationData#skippedFiles()}) instead of failing.
     */
    public static ClassificationData open(ZooModel model, String folder, long seed, boolean skipCorrupt) {
        if (ShardedData.isPreprocessed(folder)) {
            return sharded(model, folder, skipCorrupt);
        }
        requireRawInputModel(model);
        if (model.input() instanceof InputSpec.TokenSequences text) {
            return new EmailClassificationData(folder, EMAIL_TEST_FRACTION, seed, text.vocabularySize(),
                    text.maxLength());
        }
        return new FashionMnistData(folder);
    }

    /** Whether {@code folder} is a preprocessed data set with a validation split of its own. */
    public static boolean hasValidationSplit(String folder) {
        return ShardedData.isPreprocessed(folder) && ShardedData.readManifest(folder).hasValidationSplit();
    }

    /**
     * Refuses a model that cannot train on raw input: only models of one-channel images (IDX files such as
     * Fashion-MNIST's: the classifiers, the denoising autoencoder and the GAN) and classifiers of token sequences (an
     * email corpus) can.
     *
     * @throws InvalidSettingException naming {@code --model}
     */
    public static void requireRawInputModel(ZooModel model) {
        boolean images = model.input() instanceof InputSpec.Images image && image.channels() == 1;
        boolean texts = model.input() instanceof InputSpec.TokenSequences && model.task() == Task.CLASSIFICATION;
        if (!(images || texts)) {
            throw new InvalidSettingException("--model", "'" + model.name() + "' is a "
                    + model.task().name().toLowerCase(Locale.ROOT) + " model taking " + model.input()
                    + "; train reads raw input for models of one-channel images (IDX files, e.g. Fashion-MNIST) and "
                    + "classifiers of token sequences (emails)");
        }
    }
}
