package org.dlspark.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dlspark.data.SeededHash;
import org.dlspark.shard.Example;

/**
 * Randomly shifted copies of an image, for {@code preprocess --augment}: each copy moves the image up to
 * {@value #MAX_SHIFT} pixels along each axis, filling what comes into view with the background. The shifts depend
 * only on the seed and the image's id, so the same input always gives the same copies.
 */
final class ImageShifts {

    /** The largest shift along an axis, in pixels. */
    static final int MAX_SHIFT = 3;

    private ImageShifts() {
    }

    /**
     * {@code image} followed by {@code copies} shifted copies of it, with ids {@code ID+shiftK}.
     *
     * @param side the image's width and height (single channel)
     * @param background the value of a blank pixel, as normalised
     */
    static List<Example> withShiftedCopies(Example image, int side, int copies, long seed, float background) {
        List<Example> all = new ArrayList<>(copies + 1);
        all.add(image);
        Random random = new Random(SeededHash.of(seed, image.id()));
        for (int copy = 1; copy <= copies; copy++) {
            int dx = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
            int dy = random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
            all.add(new Example(image.id() + "+shift" + copy, image.label(),
                    shifted(image.features(), side, dx, dy, background), null));
        }
        return all;
    }

    /** {@code pixels} (row-major, {@code side} x {@code side}) moved {@code dx} right and {@code dy} down. */
    static float[] shifted(float[] pixels, int side, int dx, int dy, float background) {
        float[] moved = new float[pixels.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int fromX = x - dx;
                int fromY = y - dy;
                boolean inside = fromX >= 0 && fromX < side && fromY >= 0 && fromY < side;
                moved[y * side + x] = inside ? pixels[fromY * side + fromX] : background;
            }
        }
        return moved;
    }
}
