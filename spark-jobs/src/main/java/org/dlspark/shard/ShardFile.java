package org.dlspark.shard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dlspark.data.DataFormatException;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A shard file: a sequence of DL4J minibatches. Layout: the magic bytes {@code DLSHARD1}, the number of batches
 * (int32), then per batch its length in bytes (int32) and the batch as {@link DataSet#save} writes it. The same
 * batches always give the same bytes.
 */
public final class ShardFile {

    private static final byte[] MAGIC = "DLSHARD1".getBytes(StandardCharsets.US_ASCII);

    private ShardFile() {
    }

    /** Writes {@code batches} to {@code out} (not closed). */
    public static void write(OutputStream out, List<DataSet> batches) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.write(MAGIC);
        data.writeInt(batches.size());
        for (DataSet batch : batches) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            batch.save(bytes);
            data.writeInt(bytes.size());
            bytes.writeTo(data);
        }
        data.flush();
    }

    /**
     * Where each minibatch of a shard held in {@code bytes} lies, without decoding any: {@code [offset, length]}
     * pairs, in order.
     *
     * @throws DataFormatException naming the shard when it is not a shard file or is truncated
     */
    public static int[][] index(byte[] bytes, String name) {
        return index(bytes, bytes.length, name);
    }

    /** As {@link #index(byte[], String)}, for a shard held in the first {@code length} bytes of {@code bytes}. */
    public static int[][] index(byte[] bytes, int size, String name) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, 0, size);
        if (size < MAGIC.length + Integer.BYTES
                || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new DataFormatException(name + ": not a DLSpark shard file");
        }
        buffer.position(MAGIC.length);
        int count = buffer.getInt();
        if (count < 0) {
            throw new DataFormatException(name + ": not a DLSpark shard file (a count of " + count + " batches)");
        }
        int[][] ranges = new int[count][];
        for (int i = 0; i < count; i++) {
            if (buffer.remaining() < Integer.BYTES) {
                throw new DataFormatException(name + ": truncated shard file");
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw new DataFormatException(name + ": truncated shard file");
            }
            ranges[i] = new int[] {buffer.position(), length};
            buffer.position(buffer.position() + length);
        }
        return ranges;
    }

    /** Decodes the minibatch at {@code range} (from {@link #index}) of the shard {@code name}. */
    public static DataSet decode(byte[] bytes, int[] range, String name) {
        DataSet batch = new DataSet();
        try {
            batch.load(new ByteArrayInputStream(bytes, range[0], range[1]));
        } catch (RuntimeException e) {
            throw new DataFormatException(name + ": cannot decode a minibatch: " + e.getMessage(), e);
        }
        return batch;
    }

    /**
     * Reads the batches of the shard {@code name} from {@code in}.
     *
     * @throws DataFormatException naming the shard when it is not a shard file or is truncated
     */
    public static List<DataSet> read(InputStream in, String name) {
        try {
            DataInputStream data = new DataInputStream(in);
            byte[] magic = data.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new DataFormatException(name + ": not a DLSpark shard file");
            }
            int count = data.readInt();
            List<DataSet> batches = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[data.readInt()];
                data.readFully(bytes);
                DataSet batch = new DataSet();
                batch.load(new ByteArrayInputStream(bytes));
                batches.add(batch);
            }
            return batches;
        } catch (EOFException e) {
            throw new DataFormatException(name + ": truncated shard file", e);
        } catch (IOException e) {
            throw new DataFormatException(name + ": cannot read shard: " + e.getMessage(), e);
        }
    }
}
