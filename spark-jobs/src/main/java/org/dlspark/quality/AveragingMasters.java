package org.dlspark.quality;

import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.dlspark.data.DataFiles;

/**
 * DL4J's parameter-averaging training masters as the autoencoder's distributed fit uses them (the classifiers
 * average on DLSpark's own workers, {@code MeshAveragingTrainer}): a new one per epoch, seeded by the epoch, so
 * that the split of the data among workers in an epoch does not depend on the epochs before it (a resumed run
 * splits as the uninterrupted one did). In local mode DL4J stages the minibatches in files under the export folder
 * (its "Export" approach); on a cluster, whose executors need not share a file system, it hands them to the workers
 * directly.
 */
final class AveragingMasters {

    private AveragingMasters() {
    }

    /**
     * The master of epoch {@code epoch}.
     *
     * @param exportDirectory a Hadoop path; the epoch stages its minibatches in a sub-folder of it
     */
    static ParameterAveragingTrainingMaster forEpoch(JavaSparkContext spark, int workers, int batchSize,
            int averagingFrequency, long seed, int epoch, String exportDirectory) {
        boolean local = spark.master().startsWith("local");
        return new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(2)
                .rddTrainingApproach(local ? RDDTrainingApproach.Export : RDDTrainingApproach.Direct)
                .exportDirectory(folder(exportDirectory, epoch))
                .rngSeed(seed + epoch)
                .build();
    }

    /** Removes what epoch {@code epoch} staged. */
    static void cleanUp(String exportDirectory, int epoch) {
        DataFiles.deleteRecursively(folder(exportDirectory, epoch));
    }

    private static String folder(String exportDirectory, int epoch) {
        return exportDirectory + "/epoch-" + epoch;
    }
}
