package org.dlspark.train;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFiles;
import org.dlspark.data.FashionMnist;
import org.dlspark.data.text.EmailClassificationData;
import org.dlspark.fetch.Sha256;
import org.dlspark.preprocess.InputFormat;
import org.dlspark.preprocess.Normalisation;
import org.dlspark.preprocess.PreprocessJob;
import org.dlspark.preprocess.PreprocessSettings;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardedData;
import org.dlspark.zoo.InputSpec;

/**
 * Raw input (IDX files, an email corpus) that a run on Spark reads through shards, as it reads a preprocessed data
 * set: the distributed {@code preprocess} job writes them once, with the run's Spark application, into a folder
 * beside the run folder ({@code shards/KEY}, KEY a digest of the input's content and of the settings that shape the
 * shards), where later runs on the same input find them. Inputs of at most {@code --driver-read-limit} bytes are
 * read on the driver instead, as a run in one JVM reads them.
 */
public final class RawInputShards {

    /** Shards are sized so that a worker's read-ahead holds a few tens of megabytes: about 8 input bytes' worth. */
    private static final long INPUT_BYTES_PER_SHARD = 4L << 20;

    private RawInputShards() {
    }

    /** The bytes of the input files under {@code folder} (a Hadoop path). */
    public static long inputBytes(String folder) {
        try {
            Path path = new Path(folder);
            return DataFiles.fileSystem(path).getContentSummary(path).getLength();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + folder, e);
        }
    }

    /**
     * The shards of the raw input {@code folder} for a model taking {@code input}, written now by {@code spark}'s
     * executors unless an earlier run wrote them.
     *
     * @param dataChecksum the input's checksum ({@code DataChecksum.ofFolder})
     * @param runFolder the run folder, beside which the shards go
     * @param workers the run's workers: each gets two shards at least
     */
    public static ShardedData prepare(JavaSparkContext spark, String folder, String dataChecksum, InputSpec input,
            TrainSettings settings, int workers, String runFolder, PrintStream out) {
        InputFormat format = input instanceof InputSpec.TokenSequences ? InputFormat.EMAILS : InputFormat.IDX;
        int shards = (int) Math.max(2L * workers, Math.min(4096, inputBytes(folder) / INPUT_BYTES_PER_SHARD + 1));
        int maxLength = input instanceof InputSpec.TokenSequences text ? text.maxLength() : 1;
        int vocabulary = input instanceof InputSpec.TokenSequences text ? text.vocabularySize() : 3;
        String key = Sha256.of(String.join("\n", dataChecksum, format.option(), Integer.toString(shards),
                Long.toString(settings.seed()), Integer.toString(settings.batchSize()), Integer.toString(maxLength),
                Integer.toString(vocabulary)).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        Path parent = new Path(runFolder).getParent();
        String location = new Path(parent == null ? new Path(".") : parent, "shards/" + key).toString();
        if (DataFiles.exists(location + "/" + Manifest.FILE)) {
            out.printf(Locale.ROOT, "reading %s through the shards an earlier run wrote in %s%n", folder, location);
        } else {
            out.printf(Locale.ROOT, "writing %s as %d shards per split into %s, which the executors read (inputs "
                    + "of at most --driver-read-limit bytes are read on the driver)%n", folder, shards, location);
            PreprocessSettings preprocess = new PreprocessSettings(folder, format, location, shards, 0,
                    format.isText() ? TrainingData.EMAIL_TEST_FRACTION : null, settings.seed(), false, 0,
                    Normalisation.SCALE, EmailClassificationData.MIN_COUNT, vocabulary, maxLength,
                    settings.batchSize(), 0, null, false);
            try {
                new PreprocessJob(preprocess, FashionMnist.CLASS_NAMES, null, out).run(spark);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the shards of " + folder + " into " + location, e);
            }
        }
        return new ShardedData(location, settings.skipCorrupt());
    }
}
