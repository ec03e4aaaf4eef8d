package org.dlspark.data;

import java.util.List;
import org.dlspark.shard.Manifest;
import org.nd4j.linalg.dataset.DataSet;

/** A labelled data set, split into training and test examples, served as DL4J minibatches. */
public interface ClassificationData {

    /** What one example is, in plural, for progress lines: "images", "emails". */
    String examplesName();

    /** The class names, in label order. */
    List<String> classNames();

    /** Training examples in all. */
    int trainSize();

    /** Test examples in all. */
    int testSize();

    /**
     * The first {@code limit} training examples, in an order shuffled by {@code seed}, as minibatches of
     * {@code batchSize} (the last may be smaller).
     */
    List<DataSet> trainBatches(int batchSize, int limit, long seed);

    /** The first {@code limit} test examples, in their stored order, as minibatches. */
    List<DataSet> testBatches(int batchSize, int limit);

    /** For images: how pixels (0..255) became features, {@code (pixel - mean) / std}; null for texts. */
    default Manifest.Normaliser pixelScaling() {
        return null;
    }

    /** For texts: the vocabulary, token {@code i} being index {@code i}; empty for images. */
    default List<String> vocabularyTokens() {
        return List.of();
    }

    /** The files left out because they were corrupt (with {@code --skip-corrupt}); empty when none were. */
    default List<String> skippedFiles() {
        return List.of();
    }

    /** Whether the data set has validation examples of its own ({@link #validationBatches}). */
    default boolean hasValidationSplit() {
        return false;
    }

    /** The data set's own validation examples as minibatches; empty when it has none. */
    default List<DataSet> validationBatches(int batchSize) {
        return List.of();
    }
}
