package org.dlspark.data;

/** Images read from an IDX file: {@code count} images of {@code rows x cols} unsigned-byte pixels, row-major. */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {

    /** Pixels per image. */
    public int pixelsPerImage() {
        return rows * cols;
    }
}
