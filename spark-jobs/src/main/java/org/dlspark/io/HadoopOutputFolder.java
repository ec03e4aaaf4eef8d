package org.dlspark.io;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.dlspark.data.DataFiles;
import org.apache.hadoop.fs.Path;
import org.dlspark.train.InvalidSettingException;

/**
 * An output folder on any Hadoop file system, written under a hidden temporary name beside its final place and
 * renamed there only when complete: a failed or killed job leaves no half-written output. An existing output is
 * refused unless replacing it is allowed; it is then removed only once the new output is complete.
 */
public final class HadoopOutputFolder implements AutoCloseable {

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private boolean committed;

    private HadoopOutputFolder(FileSystem fs, Path target, Path staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /**
     * The file system of {@code path}, set not to write Hadoop's {@code .crc} side files on local disk (HDFS keeps
     * its own checksums).
     */
    public static FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = DataFiles.fileSystem(path);
        fs.setWriteChecksum(false);
        return fs;
    }

    /**
     * Starts an output that will become {@code uri}.
     *
     * @param option the command-line option that named the output, for errors
     * @throws InvalidSettingException when the output exists and {@code overwrite} is false
     */
    public static HadoopOutputFolder start(String uri, String option, boolean overwrite) throws IOException {
        Path target = new Path(uri);
        FileSystem fs = fileSystem(target);
        target = fs.makeQualified(target);
        if (fs.exists(target) && !overwrite) {
            throw new InvalidSettingException(option, target + " exists already; pass --overwrite to replace it");
        }
        Path staging = new Path(target.getParent(), "." + target.getName() + ".partial-" + UUID.randomUUID());
        fs.mkdirs(staging);
        return new HadoopOutputFolder(fs, target, staging);
    }

    /** The Hadoop path of {@code name} inside the output being written. */
    public String resolve(String name) {
        return new Path(staging, name).toString();
    }

    /** Writes {@code text} (UTF-8) as the file {@code name} inside the output being written. */
    public void write(String name, String text) throws IOException {
        try (java.io.OutputStream out = fs.create(new Path(staging, name), false)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The final location. */
    public String target() {
        return target.toString();
    }

    /** Moves the complete output into place, replacing an existing one; returns its location. */
    public String commit() throws IOException {
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
            throw new IOException("cannot rename " + staging + " to " + target);
        }
        committed = true;
        return target.toString();
    }

    /** Removes the temporary output unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            fs.delete(staging, true);
        }
    }
}
