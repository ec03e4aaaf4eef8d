package org.dlspark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class ImageBatchesTest {

    private static LabelledImages sample(int count) {
        byte[] pixels = new byte[count * 4];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            pixels[i * 4] = (byte) 255;
            pixels[i * 4 + 1] = (byte) i;
            labels[i] = (byte) (i % 3);
        }
        return new LabelledImages(new IdxImages(count, 2, 2, pixels), labels, 3);
    }

    @Test
    void batchesHaveNchwFeaturesInUnitRangeAndOneHotLabels() {
        List<DataSet> batches = ImageBatches.of(sample(10), 4, Integer.MAX_VALUE, null);
        assertEquals(3, batches.size());
        assertArrayEquals(new long[] {4, 1, 2, 2}, batches.get(0).getFeatures().shape());
        assertArrayEquals(new long[] {2, 3}, batches.get(2).getLabels().shape());
        assertEquals(1.0, batches.get(0).getFeatures().getDouble(1, 0, 0, 0), 1e-6);
        assertEquals(1 / 255.0, batches.get(0).getFeatures().getDouble(1, 0, 0, 1), 1e-6);
        assertEquals(1.0, batches.get(0).getLabels().getDouble(1, 1), 1e-6);
        assertEquals(1.0, batches.get(0).getLabels().sumNumber().doubleValue() / 4, 1e-6);
    }

    @Test
    void limitAndSeededShuffleAreDeterministic() {
        List<DataSet> a = ImageBatches.of(sample(20), 5, 12, 7L);
        List<DataSet> b = ImageBatches.of(sample(20), 5, 12, 7L);
        assertEquals(12, a.stream().mapToInt(DataSet::numExamples).sum());
        assertEquals(a.get(0).getFeatures(), b.get(0).getFeatures());
        assertNotEquals(ImageBatches.of(sample(20), 5, 12, null).get(0).getFeatures(), a.get(0).getFeatures());
    }
}
