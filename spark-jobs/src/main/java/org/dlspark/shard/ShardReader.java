package org.dlspark.shard;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.fetch.Sha256;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Reads a {@link ShardSlice} where the code runs (an executor, usually) through Hadoop's file systems: the whole shard
 * file, checked against its SHA-256 before any of it is used, then only the slice's minibatches are decoded, one at
 * a time as they are asked for. A shard's bytes are all this holds, in a buffer the caller may reuse for the next
 * shard, so memory stays within a shard whatever the data set's size.
 */
public final class ShardReader {

    private final ShardSlice slice;
    private final byte[] bytes;
    private final int[][] ranges;

    private ShardReader(ShardSlice slice, byte[] bytes, int[][] ranges) {
        this.slice = slice;
        this.bytes = bytes;
        this.ranges = ranges;
    }

    /** The buffer the shard's bytes are in, to reuse for another shard once this one's minibatches are decoded. */
    public byte[] buffer() {
        return bytes;
    }

    /**
     * Reads and checks the shard of {@code slice}.
     *
     * @throws DataFormatException naming the shard when it is missing, corrupt (its SHA-256 differs from the
     *     manifest's), not a shard file, or holds fewer minibatches than the slice needs
     */
    public static ShardReader open(ShardSlice slice) {
        return open(slice, null);
    }

    /**
     * As {@link #open(ShardSlice)}, reading into {@code buffer} when the shard fits in it (a new buffer otherwise, or
     * when {@code buffer} is null).
     */
    public static ShardReader open(ShardSlice slice, byte[] buffer) {
        Path path = new Path(slice.uri());
        byte[] bytes;
        int length;
        try {
            FileSystem fs = DataFiles.fileSystem(path);
            long size = fs.getFileStatus(path).getLen();
            if (size > Integer.MAX_VALUE - 16) {
                throw new DataFormatException(slice.uri() + ": a shard of " + size + " bytes; shards must be under 2 GB");
            }
            length = (int) size;
            bytes = buffer != null && buffer.length >= length ? buffer : new byte[length];
            try (FSDataInputStream in = fs.open(path)) {
                in.readFully(0, bytes, 0, length);
            }
        } catch (FileNotFoundException e) {
            throw new DataFormatException(slice.uri() + ": file not found", e);
        } catch (IOException e) {
            throw new DataFormatException(slice.uri() + ": cannot read: " + e.getMessage(), e);
        }
        requireSha256(slice.uri(), slice.sha256(), bytes, length);
        int[][] ranges = ShardFile.index(bytes, length, slice.uri());
        if (ranges.length < slice.first() + slice.batches()) {
            throw new DataFormatException(slice.uri() + ": holds " + ranges.length + " minibatches, the manifest "
                    + "needs " + (slice.first() + slice.batches()));
        }
        return new ShardReader(slice, bytes, ranges);
    }

    /**
     * Checks that the shard {@code uri}, held in the first {@code length} bytes of {@code bytes}, has the SHA-256
     * {@code expected} (none to check when null).
     *
     * @throws DataFormatException naming the shard and both checksums when they differ
     */
    static void requireSha256(String uri, String expected, byte[] bytes, int length) {
        if (expected != null) {
            String actual = Sha256.of(bytes, length);
            if (!expected.equals(actual)) {
                throw new DataFormatException(uri + ": SHA-256 " + actual + " differs from the " + expected
                        + " recorded in " + Manifest.FILE + ": the shard is corrupt");
            }
        }
    }

    /** How many minibatches the slice has. */
    public int batches() {
        return slice.batches();
    }

    /**
     * The slice's {@code i}-th minibatch, decoded now; the last one cut to the slice's examples when they end inside
     * it (only a shard's last minibatch is short, so those before it in the slice are full).
     */
    public DataSet batch(int i) {
        DataSet batch = ShardFile.decode(bytes, ranges[slice.first() + i], slice.uri());
        if (i == slice.batches() - 1) {
            long before = i == 0 ? 0 : (long) i * ShardFile.decode(bytes, ranges[slice.first()], slice.uri())
                    .numExamples();
            long keep = slice.examples() - before;
            if (keep < batch.numExamples()) {
                return (DataSet) batch.getRange(0, (int) keep);
            }
        }
        return batch;
    }

    /** Every minibatch of the slice, decoded (for tests and small slices). */
    public List<DataSet> all() {
        List<DataSet> all = new ArrayList<>(slice.batches());
        for (int i = 0; i < slice.batches(); i++) {
            all.add(batch(i));
        }
        return all;
    }
}
