package org.dlspark.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dlspark.shard.Example;
import org.junit.jupiter.api.Test;

class ImageShiftsTest {

    @Test
    void shiftingMovesPixelsAndFillsWithTheBackground() {
        float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5, 0, 7, 8}, ImageShifts.shifted(image, 3, 1, 0, 0));
        assertArrayEquals(new float[] {5, 6, -1, 8, 9, -1, -1, -1, -1}, ImageShifts.shifted(image, 3, -1, -1, -1));
    }

    @Test
    void copiesFollowTheOriginalWithTheirOwnIdsAndLabel() {
        float[] pixels = new float[36];
        pixels[14] = 1;
        Example image = new Example("train/7", 3, pixels, null);
        List<Example> all = ImageShifts.withShiftedCopies(image, 6, 4, 11, 0);
        assertEquals(5, all.size());
        assertEquals(image, all.get(0));
        for (int copy = 1; copy <= 4; copy++) {
            Example shifted = all.get(copy);
            assertEquals("train/7+shift" + copy, shifted.id());
            assertEquals(3, shifted.label());
            float sum = 0;
            for (float value : shifted.features()) {
                sum += value;
            }
            assertTrue(sum <= 1, "one pixel moved, or out of view");
        }
        List<Example> again = ImageShifts.withShiftedCopies(image, 6, 4, 11, 0);
        for (int copy = 1; copy <= 4; copy++) {
            assertArrayEquals(all.get(copy).features(), again.get(copy).features(), "the same shifts every time");
        }
    }
}
