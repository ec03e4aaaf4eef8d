package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Signed pieces: what the writer signs the reader takes; anything else, random bytes included, it refuses. */
class MeshPiecesTest {

    private static final byte[] SECRET = MeshPieces.newSecret();
    private static final byte[] MESSAGE = "an encoded update of round 7".getBytes();

    private static UnsafeBuffer signed(byte[] secret, long round, int sender, int offset, int length) {
        UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocate(MeshPieces.OVERHEAD + length));
        new MeshPieces(secret).write(buffer, round, sender, MESSAGE, offset, length);
        return buffer;
    }

    @Test
    void aSignedPieceReadsBackWithItsHeader() {
        UnsafeBuffer piece = signed(SECRET, 7, 2, 3, 10);
        MeshPieces.Piece read = new MeshPieces(SECRET).read(piece, 0, piece.capacity());
        assertNotNull(read);
        assertEquals(List.of(7L, 2, 3, MESSAGE.length), List.of(read.round(), read.sender(), read.offset(),
                read.total()));
        assertArrayEquals(Arrays.copyOfRange(MESSAGE, 3, 13), read.part());
    }

    @Test
    void everyAlteredByteAnotherSecretAndACutAreRefused() {
        MeshPieces reader = new MeshPieces(SECRET);
        UnsafeBuffer piece = signed(SECRET, 7, 2, 0, MESSAGE.length);
        for (int index = 0; index < piece.capacity(); index++) {
            UnsafeBuffer altered = new UnsafeBuffer(piece.byteArray().clone());
            altered.putByte(index, (byte) (altered.getByte(index) ^ 0x10));
            assertNull(reader.read(altered, 0, altered.capacity()), "byte " + index + " altered");
        }
        UnsafeBuffer foreign = signed(MeshPieces.newSecret(), 7, 2, 0, MESSAGE.length);
        assertNull(reader.read(foreign, 0, foreign.capacity()), "another stage's secret");
        assertNull(reader.read(piece, 0, piece.capacity() - 1), "cut short");
        assertNull(reader.read(piece, 0, MeshPieces.OVERHEAD - 1), "shorter than a header");
    }

    @Property(tries = 2000)
    void randomBytesAreRefusedWithoutAnException(@ForAll @Size(max = 200) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 200) int length) {
        UnsafeBuffer buffer = new UnsafeBuffer(Arrays.copyOf(bytes, Math.max(bytes.length, 1)));
        assertNull(new MeshPieces(SECRET).read(buffer, 0, Math.min(length, bytes.length)));
    }

    @Property(tries = 500)
    void aValidMacOverAnImpossibleHeaderIsStillRefused(@ForAll int offset, @ForAll int total) {
        // Signed with the secret, but the part does not lie inside a message of that length.
        UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocate(MeshPieces.OVERHEAD + 4));
        new MeshPieces(SECRET).write(buffer, 1, 0, new byte[] {1, 2, 3, 4}, 0, 4);
        buffer.putInt(Long.BYTES + Integer.BYTES, offset);
        buffer.putInt(Long.BYTES + 2 * Integer.BYTES, total);
        MeshPieces.Piece piece = new MeshPieces(SECRET).read(buffer, 0, buffer.capacity());
        if (piece != null) {
            assertEquals(0, offset);
            assertEquals(4, total);
        }
    }
}
