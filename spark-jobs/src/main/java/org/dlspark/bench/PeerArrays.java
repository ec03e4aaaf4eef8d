package org.dlspark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dlspark.data.ClassificationData;
import org.dlspark.io.FileTrees;
import org.dlspark.train.TrainingData;
import org.dlspark.zoo.ModelZoo;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The examples of a benchmark workload as NumPy files, for a peer outside the JVM (PyTorch) to train on what
 * DLSpark's settings train on: the same examples, read, scaled, tokenised and split by DLSpark's own readers.
 * {@code train-x.npy} and {@code train-y.npy} (one-hot), {@code test-x.npy} and {@code test-y.npy}, and for token
 * sequences {@code train-mask.npy} and {@code test-mask.npy} (1 for real time steps).
 */
public final class PeerArrays {

    /** The seed of {@code train}'s default data order and text split, which the bench's settings use. */
    static final long TRAIN_SEED = 42;

    private PeerArrays() {
    }

    /**
     * Writes {@code workload}'s examples into {@code folder}, replacing what it held (another workload's examples,
     * perhaps); the files are written under a hidden name and renamed when complete, so a reader never sees them
     * half-written.
     *
     * @return {@code folder}
     */
    public static Path write(BenchWorkload workload, Path folder) throws IOException {
        Path staged = folder.resolveSibling("." + folder.getFileName() + ".partial");
        FileTrees.delete(staged);
        Files.createDirectories(staged);
        ClassificationData data = TrainingData.open(ModelZoo.create(workload.model(), Map.of()), workload.data(),
                TRAIN_SEED);
        write(staged, "train", data.trainBatches(workload.batchSize(), workload.trainLimit(), TRAIN_SEED));
        write(staged, "test", data.testBatches(workload.batchSize(), workload.testLimit()));
        FileTrees.delete(folder);
        Files.move(staged, folder);
        return folder;
    }

    private static void write(Path folder, String split, List<DataSet> batches) throws IOException {
        DataSet all = DataSet.merge(batches);
        numpy(all.getFeatures(), folder.resolve(split + "-x.npy"));
        numpy(all.getLabels(), folder.resolve(split + "-y.npy"));
        if (all.getFeaturesMaskArray() != null) {
            numpy(all.getFeaturesMaskArray(), folder.resolve(split + "-mask.npy"));
        }
    }

    private static void numpy(INDArray array, Path file) throws IOException {
        Nd4j.writeAsNumpy(array.dup('c'), file.toFile());
    }
}
