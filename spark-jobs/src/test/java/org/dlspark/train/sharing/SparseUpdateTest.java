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
}
