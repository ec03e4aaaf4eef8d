package org.dlspark.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The content of a preprocessed data set's {@code manifest.json}, written by {@code preprocess}: everything needed to load, check and reproduce
 * it. It holds no time stamp or partition count, so the same input and settings always give the same manifest.
 *
 * @param format the input format
 * @param source the input path as given
 * @param sourceSha256 SHA-256 over the input files' relative names and contents, in name order
 * @param sourceFiles how many input files were read
 * @param classes the class names, in label order
 * @param featureShape the shape of one example's features
 * @param masked whether batches carry a features mask (token sequences)
 * @param splits per split: its examples, examples per class and shard files
 * @param normaliser for images: how pixels were normalised, with the statistics used
 * @param vocabulary for texts: the vocabulary file and how it was built
 * @param configuration the settings that shape the output (not where it went, nor how many partitions made it)
 * @param codeVersion the DLSpark version that wrote it
 */
public record Manifest(String format, String source, String sourceSha256, int sourceFiles, List<String> classes,
        long[] featureShape, boolean masked, Map<String, Split> splits, Normaliser normaliser,
        VocabularyInfo vocabulary, Configuration configuration, String codeVersion) {

    /** The file name inside a preprocessed data set. */
    public static final String FILE = "manifest.json";

    /** Whether the data set has a validation split of its own. */
    public boolean hasValidationSplit() {
        Split validation = splits.get("validation");
        return validation != null && validation.examples() > 0;
    }

    /** The settings that shape the output. */
    public record Configuration(int shards, double validationFraction, double testFraction, long seed,
            String normalisation, int minCount, int maxVocabulary, int maxLength, int batchSize, int augment) {

    }

    /**
     * One split: examples in all and per class, its shard files (relative to the data set folder) and their SHA-256,
     * checked when they are read (absent in manifests of older versions).
     */
    public record Split(long examples, Map<String, Long> perClass, List<String> shards,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> sha256) {
    }

    /** How pixels were normalised: {@code (pixel - mean) / std}, pixels in 0..255. */
    public record Normaliser(String method, double mean, double std) implements java.io.Serializable {
    }

    /** The vocabulary file (one token per line, line i is index i) and how it was built. */
    public record VocabularyInfo(String file, int size, int minCount, int maxLength) {
    }
}
