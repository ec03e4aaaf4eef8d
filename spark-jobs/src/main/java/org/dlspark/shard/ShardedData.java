package org.dlspark.shard;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.dlspark.data.ClassificationData;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A data set written by {@code preprocess}, read back from its shards (on any Hadoop file system): its train,
 * validation (when not empty) and test splits as classification data. Only the manifest and the vocabulary are read
 * at once; a split's shards are read into this JVM when its minibatches are first asked for, which runs on Spark
 * never do (their executors read the shards: {@code ShardedBatches}).
 */
public final class ShardedData implements ClassificationData {

    private final String folder;
    private final Manifest manifest;
    private DataSet train;
    private DataSet test;
    private DataSet validation;
    private final List<String> vocabulary;
    private final boolean skipCorrupt;
    private final List<String> skipped = new ArrayList<>();

    /**
     * Reads the manifest (and the vocabulary) in {@code folder}; the shards are read, each checked against the
     * SHA-256 the manifest records, when their split is first used.
     *
     * @param skipCorrupt leave out a shard that is corrupt or unreadable (and count it in {@link #skippedFiles()})
     *     instead of failing
     * @throws DataFormatException naming the file that is missing or corrupt
     */
    public ShardedData(String folder, boolean skipCorrupt) {
        this.skipCorrupt = skipCorrupt;
        this.folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        this.manifest = readManifest(this.folder);
        this.vocabulary = manifest.vocabulary() == null ? List.of()
                : readLines(this.folder + "/" + manifest.vocabulary().file());
    }

    /** The data set's folder, without a trailing slash. */
    public String folder() {
        return folder;
    }

    private DataSet train() {
        if (train == null) {
            train = load(folder, "train");
        }
        return train;
    }

    private DataSet test() {
        if (test == null) {
            test = load(folder, "test");
        }
        return test;
    }

    private static List<String> readLines(String uri) {
        return List.of(new String(DataFiles.readAll(uri), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
    }

    /** Whether {@code folder} holds a preprocessed data set (a {@code manifest.json}). */
    public static boolean isPreprocessed(String folder) {
        return DataFiles.exists(folder + "/" + Manifest.FILE);
    }

    /** The data set's manifest. */
    public Manifest manifest() {
        return manifest;
    }

    /** Reads the manifest of the data set in {@code folder}, naming the file when it is missing or malformed. */
    public static Manifest readManifest(String folder) {
        return DataFiles.readJson(folder + "/" + Manifest.FILE, Manifest.class, "manifest");
    }

    private DataSet load(String folder, String split) {
        Manifest.Split described = manifest.splits().get(split);
        if (described == null || described.examples() == 0) {
            throw new DataFormatException(folder + "/" + Manifest.FILE + ": the '" + split + "' split is empty");
        }
        List<DataSet> batches = new ArrayList<>();
        int skippedBefore = skipped.size();
        for (String shard : described.shards()) {
            String uri = folder + "/" + shard;
            try {
                batches.addAll(readShard(uri, described.sha256() == null ? null : described.sha256().get(shard)));
            } catch (DataFormatException e) {
                if (!skipCorrupt) {
                    throw e;
                }
                skipped.add(uri);
            }
        }
        if (batches.isEmpty()) {
            throw new DataFormatException(folder + ": every shard of the '" + split + "' split is corrupt");
        }
        DataSet all = DataSet.merge(batches);
        if (skipped.size() == skippedBefore && all.numExamples() != described.examples()) {
            throw new DataFormatException(folder + ": the '" + split + "' shards hold " + all.numExamples()
                    + " examples, the manifest says " + described.examples());
        }
        return all;
    }

    /** One shard's minibatches, after checking its SHA-256 when the manifest records one. */
    private static List<DataSet> readShard(String uri, String sha256) {
        byte[] bytes = DataFiles.readAll(uri);
        ShardReader.requireSha256(uri, sha256, bytes, bytes.length);
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            return ShardFile.read(in, uri);
        } catch (IOException e) {
            throw new DataFormatException(uri + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> skippedFiles() {
        return List.copyOf(skipped);
    }

    @Override
    public String examplesName() {
        return manifest.masked() ? "texts" : "images";
    }

    @Override
    public List<String> classNames() {
        return manifest.classes();
    }

    @Override
    public int trainSize() {
        return Math.toIntExact(manifest.splits().get("train").examples());
    }

    @Override
    public int testSize() {
        return Math.toIntExact(manifest.splits().get("test").examples());
    }

    @Override
    public List<DataSet> trainBatches(int batchSize, int limit, long seed) {
        DataSet shuffled = train().copy();
        shuffled.shuffle(seed);
        return first(shuffled, limit).batchBy(batchSize);
    }

    @Override
    public List<DataSet> testBatches(int batchSize, int limit) {
        return first(test(), limit).batchBy(batchSize);
    }

    @Override
    public boolean hasValidationSplit() {
        return manifest.hasValidationSplit();
    }

    @Override
    public List<DataSet> validationBatches(int batchSize) {
        if (!hasValidationSplit()) {
            return List.of();
        }
        if (validation == null) {
            validation = load(folder, "validation");
        }
        return validation.batchBy(batchSize);
    }

    @Override
    public Manifest.Normaliser pixelScaling() {
        return manifest.masked() ? null : manifest.normaliser();
    }

    @Override
    public List<String> vocabularyTokens() {
        return vocabulary;
    }

    private static DataSet first(DataSet data, int limit) {
        return limit >= data.numExamples() ? data : (DataSet) data.getRange(0, limit);
    }
}
