package org.dlspark.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.data.FashionMnistData;
import org.dlspark.data.IdxFiles;
import org.dlspark.data.IdxReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class PeerArraysTest {

    @TempDir
    Path dir;

    @Test
    void thePeerGetsTheExamplesTrainGetsInTheSameOrder() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        int[] labels = new int[40];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (3 * i) % 10;
        }
        for (String part : new String[] {"train", "t10k"}) {
            IdxFiles.write(data.resolve(part + "-images-idx3-ubyte"), IdxFiles.images(IdxReader.IMAGES_MAGIC, 40, 28));
            IdxFiles.write(data.resolve(part + "-labels-idx1-ubyte"), IdxFiles.labels(labels));
        }
        BenchWorkload workload = new BenchWorkload("cnn", data.toString(), 2, 16, 30, 20);

        Path arrays = PeerArrays.write(workload, dir.resolve("arrays"));

        List<DataSet> train = new FashionMnistData(data.toString()).trainBatches(16, 30, PeerArrays.TRAIN_SEED);
        DataSet expected = DataSet.merge(train);
        INDArray x = Nd4j.createFromNpyFile(arrays.resolve("train-x.npy").toFile());
        assertArrayEquals(new long[] {30, 1, 28, 28}, x.shape());
        assertEquals(expected.getFeatures(), x.castTo(expected.getFeatures().dataType()));
        assertEquals(expected.getLabels(), Nd4j.createFromNpyFile(arrays.resolve("train-y.npy").toFile())
                .castTo(expected.getLabels().dataType()));
        assertArrayEquals(new long[] {20, 10}, Nd4j.createFromNpyFile(arrays.resolve("test-y.npy").toFile()).shape());
        assertFalse(Files.exists(arrays.resolve("train-mask.npy")), "images have no mask");
        assertFalse(Files.exists(dir.resolve(".arrays.partial")));

        // Another workload in the same folder replaces the examples, never reusing the earlier ones.
        PeerArrays.write(new BenchWorkload("cnn", data.toString(), 2, 16, 12, 20), arrays);
        assertArrayEquals(new long[] {12, 1, 28, 28}, Nd4j.createFromNpyFile(arrays.resolve("train-x.npy").toFile())
                .shape());
    }
}
