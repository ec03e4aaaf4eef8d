package org.dlspark.model;

import java.util.List;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.text.SequenceBatches;
import org.dlspark.data.text.TextCleaner;
import org.dlspark.data.text.Tokenizer;
import org.dlspark.data.text.Vocabulary;
import org.dlspark.shard.Manifest;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelZoo;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns raw inputs into a trained model's features exactly as its training data was prepared: images (pixels
 * 0..255, row by row) are scaled by the run's recorded pixel scaling; texts are cleaned, tokenised, mapped through
 * the run's vocabulary and cut or padded to the model's sequence length, with a mask.
 */
public final class ModelInputs {

    private final InputSpec spec;
    private final Manifest.Normaliser scaling;
    private final Vocabulary vocabulary;

    private ModelInputs(InputSpec spec, Manifest.Normaliser scaling, Vocabulary vocabulary) {
        this.spec = spec;
        this.scaling = scaling;
        this.vocabulary = vocabulary;
    }

    /** The inputs of {@code model}. */
    public static ModelInputs of(TrainedModel model) {
        InputSpec spec = ModelZoo.create(model.info().model(), model.info().hyperparameters()).input();
        if (spec instanceof InputSpec.TokenSequences && model.vocabulary().isEmpty()) {
            throw new DataFormatException(model.location() + ": the model takes token ids, not texts (it was "
                    + "trained on token ids through the Spark ML API); apply it with DlSparkClassificationModel");
        }
        return new ModelInputs(spec, model.info().pixelScaling(),
                model.vocabulary().isEmpty() ? null : Vocabulary.of(model.vocabulary()));
    }

    /** Whether the model takes images (else texts). */
    public boolean takesImages() {
        return spec instanceof InputSpec.Images;
    }

    /** Pixels per image the model takes (height x width x channels). */
    public int pixelsPerImage() {
        InputSpec.Images images = images();
        return images.height() * images.width() * images.channels();
    }

    /**
     * The pixels of an image file (PNG or another ImageIO format) of the model's size, in its channels.
     *
     * @param name the image's name for errors
     * @throws DataFormatException naming it when it is no image or has another size
     */
    public byte[] image(byte[] file, String name) {
        InputSpec.Images images = images();
        return PngImages.pixels(file, images.height(), images.width(), images.channels(), name);
    }

    /**
     * The features of {@code images}, each {@link #pixelsPerImage()} unsigned bytes.
     *
     * @throws DataFormatException when an image has the wrong number of pixels
     */
    public INDArray images(List<byte[]> images) {
        InputSpec.Images shape = images();
        int pixels = pixelsPerImage();
        float[] features = new float[images.size() * pixels];
        for (int i = 0; i < images.size(); i++) {
            byte[] image = images.get(i);
            if (image.length != pixels) {
                throw new DataFormatException("image " + (i + 1) + " has " + image.length + " pixels; the model takes "
                        + shape.height() + "x" + shape.width() + "x" + shape.channels() + " = " + pixels);
            }
            for (int p = 0; p < pixels; p++) {
                features[i * pixels + p] = (float) ((Byte.toUnsignedInt(image[p]) - scaling.mean()) / scaling.std());
            }
        }
        return Nd4j.create(features, new long[] {images.size(), shape.channels(), shape.height(), shape.width()}, 'c');
    }

    /** The features and the mask of {@code texts}. */
    public INDArray[] texts(List<String> texts) {
        if (!(spec instanceof InputSpec.TokenSequences sequences)) {
            throw new DataFormatException("this model takes images, not texts");
        }
        int maxLength = sequences.maxLength();
        float[] features = new float[texts.size() * maxLength];
        float[] mask = new float[texts.size() * maxLength];
        for (int i = 0; i < texts.size(); i++) {
            int[] indices = Tokenizer.tokens(TextCleaner.cleanEmail(texts.get(i))).stream()
                    .mapToInt(vocabulary::indexOf).toArray();
            SequenceBatches.pad(indices, maxLength, features, mask, i * maxLength);
        }
        long[] shape = {texts.size(), maxLength};
        return new INDArray[] {Nd4j.create(features, shape, 'c'), Nd4j.create(mask, shape, 'c')};
    }

    private InputSpec.Images images() {
        if (!(spec instanceof InputSpec.Images images)) {
            throw new DataFormatException("this model takes texts, not images");
        }
        return images;
    }
}
