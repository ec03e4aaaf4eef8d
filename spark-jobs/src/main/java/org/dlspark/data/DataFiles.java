package org.dlspark.data;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Opens data files by Hadoop path (a local path, {@code file://} or {@code hdfs://}), unzipping gzip transparently. */
public final class DataFiles {

    private static final int GZIP_MAGIC = 0x8b1f;

    /** Loaded once: a Hadoop configuration parses its resource files when created, which is slow. */
    private static final Configuration CONFIGURATION = new Configuration();

    private DataFiles() {
    }

    /** The file system of {@code path}, from Hadoop's configuration (core-site.xml and friends on the classpath). */
    public static FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(CONFIGURATION);
    }

    /** Whether a file exists at the given Hadoop path. */
    public static boolean exists(String uri) {
        try {
            Path path = new Path(uri);
            return fileSystem(path).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or a folder tree at the given Hadoop path; nothing happens when it does not exist. */
    public static void deleteRecursively(String uri) {
        try {
            Path path = new Path(uri);
            fileSystem(path).delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * The path of {@code baseName} in {@code folder}: gzipped ({@code baseName.gz}) when that exists, else raw, else
     * empty.
     */
    public static java.util.Optional<String> findGzippedOrRaw(String folder, String baseName) {
        for (String candidate : java.util.List.of(folder + "/" + baseName + ".gz", folder + "/" + baseName)) {
            if (exists(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Opens {@code uri} for reading; gzip data (recognised by its magic bytes, not its name) is decompressed.
     *
     * @throws DataFormatException when the file is missing or its gzip header is corrupt
     */
    public static InputStream open(String uri) {
        try {
            Path path = new Path(uri);
            FileSystem fs = fileSystem(path);
            BufferedInputStream in = new BufferedInputStream(fs.open(path), 1 << 16);
            in.mark(2);
            int magic = in.read() | (in.read() << 8);
            in.reset();
            return magic == GZIP_MAGIC ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
        } catch (FileNotFoundException e) {
            throw new DataFormatException(uri + ": file not found", e);
        } catch (IOException e) {
            throw new DataFormatException(uri + ": cannot open: " + e.getMessage(), e);
        }
    }

    /**
     * The whole content of {@code uri}, decompressed as {@link #open} does.
     *
     * @throws DataFormatException naming the file when it is missing or unreadable
     */
    public static byte[] readAll(String uri) {
        try (InputStream in = open(uri)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DataFormatException(uri + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The JSON document in {@code uri} as a {@code type}.
     *
     * @param what what the document is, for errors ("manifest", "run description")
     * @throws DataFormatException naming the file when it is missing, unreadable or not such a document
     */
    public static <T> T readJson(String uri, Class<T> type, String what) {
        try {
            return org.dlspark.io.Json.parse(new String(readAll(uri), java.nio.charset.StandardCharsets.UTF_8),
                    type);
        } catch (IOException e) {
            throw new DataFormatException(uri + ": not a readable " + what + ": " + e.getMessage(), e);
        }
    }
}
