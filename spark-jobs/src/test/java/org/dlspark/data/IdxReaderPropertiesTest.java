package org.dlspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated bytes for the IDX reader: every input ends, within a bound, in images or a
 * {@link DataFormatException} naming the file; never a hang, an out-of-memory or another exception.
 */
class IdxReaderPropertiesTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Property(tries = 300)
    void randomBytesEndInImagesOrANamedError(@ForAll @Size(max = 2000) byte[] bytes) throws IOException {
        assertReadEnds(bytes);
    }

    @Property(tries = 300)
    void mutatedFilesEndInImagesOrANamedError(@ForAll("mutatedIdx") byte[] bytes) throws IOException {
        assertReadEnds(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutatedIdx() {
        return Arbitraries.integers().between(0, 3).tuple3().flatMap(counts -> Arbitraries.integers()
                .between(0, 15 + counts.get1() * 16).list().ofMaxSize(6).tuple2().map(positions -> {
                    byte[] valid = idx(counts.get1(), 4);
                    java.util.Random random = new java.util.Random(positions.hashCode());
                    for (int position : positions.get1()) {
                        if (position < valid.length) {
                            valid[position] = (byte) random.nextInt(256);
                        }
                    }
                    int cut = positions.get2().isEmpty() ? valid.length : Math.min(valid.length, positions.get2().get(0));
                    return java.util.Arrays.copyOf(valid, cut);
                }));
    }

    private static void assertReadEnds(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("idx", ".bin");
        try {
            Files.write(file, bytes);
            assertTimeoutPreemptively(BOUND, () -> {
                try {
                    IdxImages images = IdxReader.readImages(file.toString());
                    assertEquals((long) images.count() * images.rows() * images.cols(), images.pixels().length);
                } catch (DataFormatException e) {
                    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                }
            });
        } finally {
            Files.delete(file);
        }
    }

    private static byte[] idx(int count, int side) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(side);
            out.writeInt(side);
            for (int i = 0; i < count * side * side; i++) {
                out.writeByte(i);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
