package org.dlspark.preprocess;

import org.dlspark.train.InvalidSettingException;

/**
 * Everything one preprocessing run is configured with, validated on construction; errors name the option.
 *
 * @param input the input (Hadoop path): a folder, or for {@code texts} also a CSV or JSONL file
 * @param format how to read it
 * @param output the output folder to create (Hadoop path)
 * @param shards shard files per split
 * @param validationFraction share of each class (of the training images, for idx) put in the validation split
 * @param testFraction share of each class put in the test split (not idx, which keeps its own test files)
 * @param seed seeds the split and the order of examples in the shards
 * @param overwrite whether an existing output may be replaced
 * @param partitions Spark partitions to process with; 0 means Spark's default parallelism
 * @param normalisation how image pixels are normalised
 * @param minCount texts: tokens seen fewer times in the training split are unknown
 * @param maxVocabulary texts: vocabulary size, the reserved padding and unknown indices included
 * @param maxLength texts: tokens kept per text (padded or truncated)
 * @param batchSize examples per DL4J minibatch in the shards
 * @param augment idx: randomly shifted copies of each training image written beside it (0 for none), to make large
 *     test data from a small set
 * @param size images: the size every image is resized to; null for the other formats
 * @param skipBad images: whether unreadable files are left out (and counted) instead of failing the run
 */
public record PreprocessSettings(String input, InputFormat format, String output, int shards,
        double validationFraction, Double testFraction, long seed, boolean overwrite, int partitions,
        Normalisation normalisation, int minCount, int maxVocabulary, int maxLength, int batchSize, int augment,
        ImageSize size, boolean skipBad) {

    /** The test fraction of the formats without test files of their own (all but idx) unless given. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    /** Validates every value and their combinations. */
    public PreprocessSettings {
        InvalidSettingException.requireText("--input", input);
        InvalidSettingException.requireText("--output", output);
        if (format == null) {
            throw new InvalidSettingException("--format", "a value is required");
        }
        InvalidSettingException.atLeast("--shards", shards, 1);
        InvalidSettingException.atLeast("--partitions", partitions, 0);
        InvalidSettingException.atLeast("--min-count", minCount, 1);
        InvalidSettingException.atLeast("--max-vocabulary", maxVocabulary, 3);
        InvalidSettingException.atLeast("--max-length", maxLength, 1);
        InvalidSettingException.atLeast("--batch", batchSize, 1);
        InvalidSettingException.atLeast("--augment", augment, 0);
        if (augment > 0 && format != InputFormat.IDX) {
            throw new InvalidSettingException("--augment", "shifts images: it applies to idx input only");
        }
        if (size != null && format != InputFormat.IMAGES) {
            throw new InvalidSettingException("--size", "resizes images: it applies to images input only");
        }
        if (skipBad && format != InputFormat.IMAGES) {
            throw new InvalidSettingException("--skip-bad", "leaves out unreadable images: it applies to images input "
                    + "only");
        }
        fraction("--val-fraction", validationFraction);
        if (testFraction != null) {
            fraction("--test-fraction", testFraction);
            if (format == InputFormat.IDX) {
                throw new InvalidSettingException("--test-fraction", "does not apply to idx input, whose t10k files "
                        + "are the test split");
            }
        }
        double test = testFraction != null ? testFraction : format.splitsTests() ? DEFAULT_TEST_FRACTION : 0;
        if (validationFraction + test >= 1) {
            throw new InvalidSettingException("--val-fraction", "and --test-fraction add up to "
                    + (validationFraction + test) + ", leaving no training data; they must add up to less than 1");
        }
        if (normalisation == null) {
            throw new InvalidSettingException("--normalise", "a value is required");
        }
    }

    /** The test fraction in effect: given, or the default, or 0 for idx (its own test files). */

    /** The size images are resized to: given, or {@link ImageSize#DEFAULT}. */
    public ImageSize imageSize() {
        return size != null ? size : ImageSize.DEFAULT;
    }

    public double effectiveTestFraction() {
        return testFraction != null ? testFraction : format.splitsTests() ? DEFAULT_TEST_FRACTION : 0;
    }

    private static void fraction(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidSettingException(option, "must be in [0, 1), got " + value);
        }
    }
}
