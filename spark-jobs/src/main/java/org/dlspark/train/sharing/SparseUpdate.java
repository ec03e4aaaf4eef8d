package org.dlspark.train.sharing;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The part of a worker's parameter update that it shares in one iteration: the positions and values of the
 * entries its {@link ThresholdEncoder} let through. Its wire form is a count followed by the indices and the
 * values, big-endian: 4 + 8 bytes per entry, against 4 bytes per parameter for the dense update.
 */
public record SparseUpdate(int[] indices, float[] values) {

    /** An update that changes nothing: what a worker without a minibatch left shares. */
    public static final SparseUpdate EMPTY = new SparseUpdate(new int[0], new float[0]);

    /** Checks that every index has a value. */
    public SparseUpdate {
        if (indices.length != values.length) {
            throw new IllegalArgumentException(indices.length + " indices but " + values.length + " values");
        }
    }

    /** Number of entries. */
    public int size() {
        return indices.length;
    }

    /** Adds this update into the dense vector {@code target}. */
    public void addTo(float[] target) {
        for (int i = 0; i < indices.length; i++) {
            target[indices[i]] += values[i];
        }
    }

    /** The wire form. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + indices.length * (Integer.BYTES + Float.BYTES));
        buffer.putInt(indices.length);
        buffer.asIntBuffer().put(indices);
        buffer.position(buffer.position() + indices.length * Integer.BYTES);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /**
     * Reads the wire form of an update to a vector of {@code length} entries.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed update of that length
     */
    public static SparseUpdate fromBytes(byte[] bytes, int length) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length < Integer.BYTES) {
            throw new IllegalArgumentException("an update of " + bytes.length + " bytes has no entry count");
        }
        int count = buffer.getInt();
        if (count < 0 || bytes.length != Integer.BYTES + (long) count * (Integer.BYTES + Float.BYTES)) {
            throw new IllegalArgumentException("an update of " + bytes.length + " bytes cannot hold " + count
                    + " entries");
        }
        int[] indices = new int[count];
        buffer.asIntBuffer().get(indices);
        buffer.position(buffer.position() + count * Integer.BYTES);
        float[] values = new float[count];
        buffer.asFloatBuffer().get(values);
        for (int index : indices) {
            if (index < 0 || index >= length) {
                throw new IllegalArgumentException("index " + index + " outside a vector of " + length);
            }
        }
        return new SparseUpdate(indices, values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseUpdate update && Arrays.equals(indices, update.indices)
                && Arrays.equals(values, update.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseUpdate[" + indices.length + " entries]";
    }
}
