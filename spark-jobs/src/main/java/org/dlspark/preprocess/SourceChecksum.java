package org.dlspark.preprocess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;

/** SHA-256 over a set of input files: each file's name relative to the input, then its bytes, in name order. */
final class SourceChecksum {

    /** One input file: its name relative to the input, and its Hadoop path. */
    record SourceFile(String name, String uri) {
    }

    private SourceChecksum() {
    }

    static String of(List<SourceFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (SourceFile file : files.stream().sorted(java.util.Comparator.comparing(SourceFile::name)).toList()) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                Path path = new Path(file.uri());
                try (InputStream in = DataFiles.fileSystem(path).open(path)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        digest.update(buffer, 0, n);
                    }
                } catch (IOException e) {
                    throw new DataFormatException(file.uri() + ": cannot read: " + e.getMessage(), e);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
