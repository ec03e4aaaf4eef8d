package org.dlspark.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of files, as lower-case hex. */
public final class Sha256 {

    private Sha256() {
    }

    /** The SHA-256 of the file's bytes. */
    public static String of(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        return of(bytes, bytes.length);
    }

    /** The hex SHA-256 of the first {@code length} bytes of {@code bytes}. */
    public static String of(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /**
     * Checks the file's SHA-256.
     *
     * @throws FetchException naming the file and both checksums when they differ
     */
    public static void verify(Path file, String expected) {
        String actual = of(file);
        if (!actual.equals(expected)) {
            throw new FetchException(file + ": SHA-256 " + actual + " differs from the expected " + expected
                    + "; the download is corrupt or the package changed");
        }
    }
}
