package org.dlspark.data;

import java.util.List;
import org.dlspark.shard.Manifest;
import org.nd4j.linalg.dataset.DataSet;

/** Fashion-MNIST as classification data: 60,000 training and 10,000 test images, pixels scaled to [0, 1]. */
public final class FashionMnistData implements ClassificationData {

    private final LabelledImages train;
    private final LabelledImages test;

    /** Reads and checks the four IDX files in {@code folder}, a Hadoop path. */
    public FashionMnistData(String folder) {
        FashionMnist data = new FashionMnist(folder);
        this.train = data.train();
        this.test = data.test();
    }

    @Override
    public String examplesName() {
        return "images";
    }

    @Override
    public List<String> classNames() {
        return FashionMnist.CLASS_NAMES;
    }

    @Override
    public int trainSize() {
        return train.size();
    }

    @Override
    public int testSize() {
        return test.size();
    }

    @Override
    public List<DataSet> trainBatches(int batchSize, int limit, long seed) {
        return ImageBatches.of(train, batchSize, limit, seed);
    }

    @Override
    public List<DataSet> testBatches(int batchSize, int limit) {
        return ImageBatches.of(test, batchSize, limit, null);
    }

    @Override
    public Manifest.Normaliser pixelScaling() {
        return new Manifest.Normaliser("scale", 0, 255);
    }
}
