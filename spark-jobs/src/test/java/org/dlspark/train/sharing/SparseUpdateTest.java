package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparseUpdateTest {

    @Test
    void wireFormRoundTrips() {
        SparseUpdate update = new SparseUpdate(new int[] {0, 7, 9}, new float[] {1.5f, -2f, 1e-7f});
        byte[] bytes = update.toBytes();
        assertEquals(4 + 3 * 8, bytes.length);
        assertEquals(update, SparseUpdate.fromBytes(bytes, 10));
        assertEquals(SparseUpdate.EMPTY, SparseUpdate.fromBytes(SparseUpdate.EMPTY.toBytes(), 10));
    }

    @Test
    void addsIntoADenseVector() {
        float[] target = new float[4];
        new SparseUpdate(new int[] {1, 3}, new float[] {2f, -1f}).addTo(target);
        new SparseUpdate(new int[] {1}, new float[] {0.5f}).addTo(target);
        assertArrayEquals(new float[] {0, 2.5f, 0, -1f}, target);
    }

    @Test
    void rejectsMalformedBytes() {
        byte[] bytes = new SparseUpdate(new int[] {2}, new float[] {1f}).toBytes();
        assertThrows(IllegalArgumentException.class, () -> SparseUpdate.fromBytes(Arrays.copyOf(bytes, 7), 10));
        assertThrows(IllegalArgumentException.class, () -> SparseUpdate.fromBytes(new byte[2], 10));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> SparseUpdate.fromBytes(bytes, 2));
        assertEquals("index 2 outside a vector of 2", outside.getMessage());
    }

    @Test
    void rejectsIndicesThatDoNotIncrease() {
        byte[] repeated = new SparseUpdate(new int[] {3, 3}, new float[] {1f, 2f}).toBytes();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SparseUpdate.fromBytes(repeated, 10));
        assertEquals("index 3 after index 3: indices must increase", error.getMessage());
    }

    @Test
    void sumsEntryWiseWhicheverIsFirst() {
        SparseUpdate a = new SparseUpdate(new int[] {1, 4, 6}, new float[] {0.1f, 2f, -1f});
        SparseUpdate b = new SparseUpdate(new int[] {0, 4, 9}, new float[] {3f, 0.2f, 5f});
        SparseUpdate sum = SparseUpdate.sum(a, b);
        assertEquals(new SparseUpdate(new int[] {0, 1, 4, 6, 9}, new float[] {3f, 0.1f, 2.2f, -1f, 5f}), sum);
        assertEquals(sum, SparseUpdate.sum(b, a));
        assertEquals(a, SparseUpdate.sum(a, SparseUpdate.EMPTY));
    }

    @Test
    void keepsTheLargestEntriesAndHandsBackTheRest() {
        SparseUpdate update = new SparseUpdate(new int[] {0, 2, 5, 7, 8}, new float[] {1f, -4f, 2f, 2f, 0.5f});
        SparseUpdate.Split split = update.largest(3);
        assertEquals(new SparseUpdate(new int[] {2, 5, 7}, new float[] {-4f, 2f, 2f}), split.kept());
        assertEquals(new SparseUpdate(new int[] {0, 8}, new float[] {1f, 0.5f}), split.dropped());
        SparseUpdate.Split tie = update.largest(2);
        assertEquals(new SparseUpdate(new int[] {2, 5}, new float[] {-4f, 2f}), tie.kept(), "equals: lower index");
        assertEquals(update, update.largest(5).kept());
    }
}
