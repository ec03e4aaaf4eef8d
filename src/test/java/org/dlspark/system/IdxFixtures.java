package org.dlspark.system;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small, valid IDX data sets that the bad-input tests then damage. */
final class IdxFixtures {

    static final int IMAGES = 2051;
    static final int LABELS = 2049;

    private IdxFixtures() {
    }

    /** Writes a Fashion-MNIST-shaped set of 40 training and 20 test images into {@code data}; returns it. */
    static Path validData(Path data) throws IOException {
        return validData(data, 28);
    }

    /** Writes 40 training and 20 test images of {@code side} x {@code side} into {@code data}; returns it. */
    static Path validData(Path data, int side) throws IOException {
        gzip(data.resolve("train-images-idx3-ubyte.gz"), idx(IMAGES, 40, side));
        gzip(data.resolve("train-labels-idx1-ubyte.gz"), idx(LABELS, 40, 0));
        gzip(data.resolve("t10k-images-idx3-ubyte.gz"), idx(IMAGES, 20, side));
        gzip(data.resolve("t10k-labels-idx1-ubyte.gz"), idx(LABELS, 20, 0));
        return data;
    }

    /** An IDX file: images of side x side when side > 0, else labels; byte values cycle through 0..9. */
    static byte[] idx(int magic, int count, int side) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        int itemSize = 1;
        if (side > 0) {
            out.writeInt(side);
            out.writeInt(side);
            itemSize = side * side;
        }
        for (int i = 0; i < count * itemSize; i++) {
            out.writeByte(i % 10);
        }
        return bytes.toByteArray();
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
