package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdEncoderTest {

    @Test
    void sendsTheLargestEntriesAndKeepsTheRest() {
        ThresholdEncoder encoder = new ThresholdEncoder(5, 0.4, null);
        SparseUpdate sent = encoder.encode(new float[] {0.1f, -3f, 0.2f, 2f, -0.05f});
        assertArrayEquals(new int[] {1, 3}, sent.indices());
        assertArrayEquals(new float[] {-3f, 2f}, sent.values());
        assertArrayEquals(new float[] {0.1f, 0, 0.2f, 0, -0.05f}, encoder.residual());
    }

    @Test
    void losesNothing() {
        int length = 1000;
        ThresholdEncoder encoder = new ThresholdEncoder(length, 0.01, null);
        Random random = new Random(3);
        double[] total = new double[length];
        double[] delivered = new double[length];
        for (int step = 0; step < 200; step++) {
            float[] update = new float[length];
            for (int i = 0; i < length; i++) {
                update[i] = (float) random.nextGaussian();
                total[i] += update[i];
            }
            SparseUpdate sent = encoder.encode(update);
            assertTrue(sent.size() <= 10, "at most 1% of the entries per update");
            for (int i = 0; i < sent.size(); i++) {
                delivered[sent.indices()[i]] += sent.values()[i];
            }
        }
        float[] residual = encoder.residual();
        for (int i = 0; i < length; i++) {
            assertEquals(total[i], delivered[i] + residual[i], 1e-3, "entry " + i);
        }
    }

    @Test
    void carriesAResidualOver() {
        ThresholdEncoder encoder = new ThresholdEncoder(3, 1.0 / 3, new float[] {0, 0, 5f});
        assertEquals(new SparseUpdate(new int[] {2}, new float[] {5.5f}), encoder.encode(new float[] {1f, 0, 0.5f}));
        assertArrayEquals(new float[] {1f, 0, 0}, encoder.residual());
    }

    @Test
    void sendsNothingWhenNothingChanged() {
        assertEquals(SparseUpdate.EMPTY, new ThresholdEncoder(4, 0.5, null).encode(new float[4]));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new ThresholdEncoder(4, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdEncoder(4, 1.5, null));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdEncoder(4, 0.5, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdEncoder(4, 0.5, null).encode(new float[5]));
    }

    @Test
    void selectsOrderStatistics() {
        Random random = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            float[] values = new float[1 + random.nextInt(200)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(20);
            }
            float[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = 1 + random.nextInt(values.length);
            assertEquals(sorted[values.length - k], Selection.kthLargest(values, k));
        }
    }
}
