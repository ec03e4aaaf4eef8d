package org.dlspark.train.sharing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The signed pieces mesh messages travel in. A piece is its header (round, sender's rank, the piece's offset in its
 * message and the message's length), a MAC and a part of the message; the MAC is HMAC-SHA256, cut to 16 bytes, over
 * the header and the part, keyed with the stage's secret, which reaches the workers inside their Spark tasks (so
 * {@code spark.authenticate} protects it as it protects the tasks). A datagram from anyone without the secret,
 * altered or cut short, fails the check; what the mesh then does with a piece that passes (an old round, a repeat)
 * is {@link AeronMesh}'s business. One instance serves one thread.
 */
final class MeshPieces {

    /** Round (8 bytes), sender, offset, message length (4 each). */
    static final int HEADER_BYTES = Long.BYTES + 3 * Integer.BYTES;
    static final int MAC_BYTES = 16;
    /** What a piece holds besides its part of the message. */
    static final int OVERHEAD = HEADER_BYTES + MAC_BYTES;
    /** The length of a stage's secret. */
    static final int SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;
    private final byte[] computed = new byte[32];
    private final byte[] scratch = new byte[HEADER_BYTES];

    /** A piece that passed the check. */
    record Piece(long round, int sender, int offset, int total, byte[] part) {
    }

    MeshPieces(byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a mesh secret has " + SECRET_BYTES + " bytes, not " + secret.length);
        }
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no " + ALGORITHM, e);
        }
    }

    /** A fresh random secret for one stage. */
    static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * Writes the piece of {@code message} from {@code offset}, {@code length} bytes long, into {@code buffer} at 0.
     *
     * @return the piece's length
     */
    int write(MutableDirectBuffer buffer, long round, int sender, byte[] message, int offset, int length) {
        buffer.putLong(0, round);
        buffer.putInt(Long.BYTES, sender);
        buffer.putInt(Long.BYTES + Integer.BYTES, offset);
        buffer.putInt(Long.BYTES + 2 * Integer.BYTES, message.length);
        buffer.getBytes(0, scratch, 0, HEADER_BYTES);
        sign(scratch, message, offset, length);
        buffer.putBytes(HEADER_BYTES, computed, 0, MAC_BYTES);
        buffer.putBytes(OVERHEAD, message, offset, length);
        return OVERHEAD + length;
    }

    /**
     * Reads the piece of {@code length} bytes at {@code index}: null when it is too short, its part does not lie
     * inside its message, or its MAC fails.
     */
    Piece read(DirectBuffer buffer, int index, int length) {
        if (length < OVERHEAD) {
            return null;
        }
        long round = buffer.getLong(index);
        int sender = buffer.getInt(index + Long.BYTES);
        int offset = buffer.getInt(index + Long.BYTES + Integer.BYTES);
        int total = buffer.getInt(index + Long.BYTES + 2 * Integer.BYTES);
        int partLength = length - OVERHEAD;
        if (offset < 0 || total < 0 || offset > total - partLength || (partLength == 0 && total > 0)) {
            return null;
        }
        byte[] part = new byte[partLength];
        buffer.getBytes(index + OVERHEAD, part);
        buffer.getBytes(index, scratch, 0, HEADER_BYTES);
        sign(scratch, part, 0, partLength);
        byte[] received = new byte[MAC_BYTES];
        buffer.getBytes(index + HEADER_BYTES, received);
        if (!MessageDigest.isEqual(received, java.util.Arrays.copyOf(computed, MAC_BYTES))) {
            return null;
        }
        return new Piece(round, sender, offset, total, part);
    }

    private void sign(byte[] header, byte[] body, int offset, int length) {
        mac.update(header, 0, HEADER_BYTES);
        mac.update(body, offset, length);
        try {
            mac.doFinal(computed, 0);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
