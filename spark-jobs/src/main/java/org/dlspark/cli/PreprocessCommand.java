package org.dlspark.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlspark.data.FashionMnist;
import org.dlspark.preprocess.ImageSize;
import org.dlspark.preprocess.InputFormat;
import org.dlspark.preprocess.Normalisation;
import org.dlspark.preprocess.PreprocessJob;
import org.dlspark.preprocess.PreprocessSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark preprocess}: cleans, normalises, splits and shards a data set on Spark. */
@Command(name = "preprocess", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Reads raw images (IDX) or labelled texts on Spark, normalises or cleans and tokenises them, "
            + "splits them (stratified, seeded) into train, validation and test, and writes N balanced shard files "
            + "of DL4J minibatches per split with manifest.json (and vocabulary.txt for texts). Paths are Hadoop "
            + "URIs: local, file:// or hdfs://.", "Runs in Spark local mode unless --master or spark-submit names a "
            + "cluster."})
final class PreprocessCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "URI", required = true,
            description = "idx: folder with train-/t10k- images and labels; emails: SpamAssassin layout (class "
                    + "folders named spam or ham); texts: folder of class folders, or a .jsonl or .csv file with "
                    + "text and label.")
    private String input;

    @Option(names = "--format", paramLabel = "F", required = true, description = "idx, emails, texts or images.")
    private String format;

    @Option(names = "--output", paramLabel = "URI", required = true, description = "Output folder to create.")
    private String output;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "4", description = "Shard files per split.")
    private int shards;

    @Option(names = "--val-fraction", paramLabel = "F", defaultValue = "0.1",
            description = "Share of each class put in the validation split (idx: of the training images).")
    private double validationFraction;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of each class put in the test split. Texts only (default 0.2); idx keeps its t10k "
                    + "files as the test split.")
    private Double testFraction;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seeds the split and shard order.")
    private long seed;

    @Option(names = "--overwrite", description = "Replace an existing output (only once the new one is complete).")
    private boolean overwrite;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0",
            description = "Spark partitions; 0 means Spark's default parallelism. Output does not depend on it.")
    private int partitions;

    @Option(names = "--normalise", paramLabel = "M", defaultValue = "scale",
            description = "idx: scale (pixel / 255) or standardise (mean and standard deviation of the training "
                    + "pixels).")
    private String normalisation;

    @Option(names = "--class-names", paramLabel = "NAMES", split = ",",
            description = "idx: class names in label order. Default: Fashion-MNIST's ten.")
    private List<String> classNames;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "2",
            description = "Texts: tokens seen fewer times in the training split map to <unk>.")
    private int minCount;

    @Option(names = "--max-vocabulary", paramLabel = "N", defaultValue = "20000",
            description = "Texts: vocabulary size, <pad> and <unk> included.")
    private int maxVocabulary;

    @Option(names = "--max-length", paramLabel = "N", defaultValue = "256",
            description = "Texts: tokens kept per text (padded or truncated).")
    private int maxLength;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64", description = "Examples per stored minibatch.")
    private int batchSize;

    @Option(names = "--augment", paramLabel = "N", defaultValue = "0",
            description = "idx: write N randomly shifted copies (up to 3 pixels each way) of every training image "
                    + "beside it, to make a large data set from a small one. Default: ${DEFAULT-VALUE}")
    private int augment;

    @Option(names = "--size", paramLabel = "WxH",
            description = "Images: the size every image is resized to (bilinear). Default: 28x28.")
    private String size;

    @Option(names = "--skip-bad", description = "Images: leave out (and count) files that are no readable image, "
            + "instead of failing.")
    private boolean skipBad;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077. Default: spark-submit's, else local[*].")
    private String master;

    @Override
    public Integer call() throws Exception {
        job(System.out).run();
        return 0;
    }

    /** The job these options describe, printing to {@code out}. */
    PreprocessJob job(PrintStream out) {
        PreprocessSettings settings = new PreprocessSettings(input, InputFormat.of(format), output, shards,
                validationFraction, testFraction, seed, overwrite, partitions, Normalisation.of(normalisation),
                minCount, maxVocabulary, maxLength, batchSize, augment,
                size == null ? null : ImageSize.parse("--size", size), skipBad);
        return new PreprocessJob(settings, classNames != null ? classNames : FashionMnist.CLASS_NAMES, master, out);
    }
}
