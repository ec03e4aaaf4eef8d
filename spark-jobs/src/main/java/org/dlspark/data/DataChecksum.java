package org.dlspark.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.dlspark.shard.Manifest;

/**
 * SHA-256 over a set of data files on any Hadoop file system: each file's name relative to the data, then its
 * bytes, in name order. Equal checksums mean the same data: a preprocessed data set records its sources' checksum,
 * a run the checksum of what it trained on, and a retraining pipeline compares them to tell when new data arrived.
 */
public final class DataChecksum {

    /** One data file: its name relative to the data, and its Hadoop path. */
    public record SourceFile(String name, String uri) {
    }

    private DataChecksum() {
    }

    /** The hex SHA-256 of {@code files}. */
    public static String of(List<SourceFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (SourceFile file : files.stream().sorted(Comparator.comparing(SourceFile::name)).toList()) {
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

    /**
     * The hex SHA-256 of every file under the folder {@code uri}, hidden ones ({@code .name}, {@code _name}) left out;
     * of a preprocessed data set, that of its manifest alone, which records every shard's SHA-256: the examples
     * themselves are read where they are trained, not where the checksum is taken.
     */
    public static String ofFolder(String uri) {
        String manifest = uri + "/" + Manifest.FILE;
        if (DataFiles.exists(manifest)) {
            return of(List.of(new SourceFile(Manifest.FILE, manifest)));
        }
        try {
            Path root = new Path(uri);
            FileSystem fs = DataFiles.fileSystem(root);
            root = fs.makeQualified(root);
            String prefix = root.toUri().getPath() + "/";
            List<SourceFile> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> listing = fs.listFiles(root, true);
            while (listing.hasNext()) {
                Path file = listing.next().getPath();
                String name = file.toUri().getPath().substring(prefix.length());
                if (!hidden(name)) {
                    files.add(new SourceFile(name, file.toString()));
                }
            }
            return of(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the data at " + uri + " to checksum it", e);
        }
    }

    private static boolean hidden(String relativeName) {
        for (String part : relativeName.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
