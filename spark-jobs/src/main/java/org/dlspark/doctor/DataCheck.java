package org.dlspark.doctor;

import java.util.Locale;
import java.util.Map;
import org.dlspark.data.ClassificationData;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.fetch.Sha256;
import org.dlspark.shard.Manifest;
import org.dlspark.shard.ShardedData;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;

/**
 * The data a job would read: a folder written by {@code preprocess} has its manifest read and every shard's
 * SHA-256 checked against it, one shard at a time; a raw folder (Fashion-MNIST's IDX files, an email corpus) is
 * read as {@code train --model MODEL} would read it.
 */
final class DataCheck {

    private DataCheck() {
    }

    static Verdict check(String data, String model) {
        try {
            return ShardedData.isPreprocessed(data) ? checkShards(data) : checkRaw(data, model);
        } catch (DataFormatException | InvalidSettingException e) {
            return Verdict.fail("data", e.getMessage(), "fetch the data again (scripts/dlspark fetch-data) or "
                    + "preprocess it again (dlspark preprocess); --skip-corrupt lets train leave out corrupt shards");
        }
    }

    private static Verdict checkShards(String folder) {
        Manifest manifest = ShardedData.readManifest(folder);
        int shards = 0;
        int unchecked = 0;
        long examples = 0;
        for (Map.Entry<String, Manifest.Split> split : manifest.splits().entrySet()) {
            examples += split.getValue().examples();
            for (String shard : split.getValue().shards()) {
                String uri = folder + "/" + shard;
                String recorded = split.getValue().sha256() == null ? null : split.getValue().sha256().get(shard);
                byte[] bytes = DataFiles.readAll(uri);
                shards++;
                if (recorded == null) {
                    unchecked++;
                } else if (!recorded.equals(Sha256.of(bytes))) {
                    throw new DataFormatException(uri + ": SHA-256 " + Sha256.of(bytes) + " differs from the "
                            + recorded + " recorded in " + Manifest.FILE + ": the shard is corrupt");
                }
            }
        }
        return Verdict.pass("data", String.format(Locale.ROOT, "%s: preprocessed %s data, %d examples of %d "
                + "classes in %d shards, %s", folder, manifest.format(), examples, manifest.classes().size(), shards,
                unchecked == 0 ? "every SHA-256 as recorded" : (shards - unchecked) + " SHA-256 as recorded, "
                        + unchecked + " without one"));
    }

    private static Verdict checkRaw(String folder, String model) {
        ClassificationData data = TrainingData.open(ModelZoo.create(model, Map.of()), folder, 42);
        return Verdict.pass("data", String.format(Locale.ROOT, "%s: %d training and %d test %s of %d classes, "
                + "as train --model %s reads them", folder, data.trainSize(), data.testSize(), data.examplesName(),
                data.classNames().size(), model));
    }
}
