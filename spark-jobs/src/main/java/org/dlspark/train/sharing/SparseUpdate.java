package org.dlspark.train.sharing;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The part of a worker's parameter update that it shares in one iteration: the positions and values of the
 * entries its {@link ThresholdEncoder} let through, or a partial sum of several workers' ({@link SparseAllReduce}),
 * indices in increasing order. Its wire form is a count followed by the indices and the values, big-endian:
 * 4 + 8 bytes per entry, against 4 bytes per parameter for the dense update.
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
        int previous = -1;
        for (int index : indices) {
            if (index < 0 || index >= length) {
                throw new IllegalArgumentException("index " + index + " outside a vector of " + length);
            }
            if (index <= previous) {
                throw new IllegalArgumentException("index " + index + " after index " + previous
                        + ": indices must increase");
            }
            previous = index;
        }
        return new SparseUpdate(indices, values);
    }

    /**
     * The entry-wise sum of {@code a} and {@code b}. It is the same whichever is first: each shared entry is one
     * float addition, which is commutative, so two workers that add each other's partial sums hold the same bits.
     */
    public static SparseUpdate sum(SparseUpdate a, SparseUpdate b) {
        int[] indices = new int[a.size() + b.size()];
        float[] values = new float[indices.length];
        int i = 0;
        int j = 0;
        int count = 0;
        while (i < a.size() || j < b.size()) {
            int next = j == b.size() || (i < a.size() && a.indices[i] < b.indices[j]) ? a.indices[i] : b.indices[j];
            float value = 0;
            boolean inA = i < a.size() && a.indices[i] == next;
            boolean inB = j < b.size() && b.indices[j] == next;
            if (inA && inB) {
                value = a.values[i++] + b.values[j++];
            } else if (inA) {
                value = a.values[i++];
            } else {
                value = b.values[j++];
            }
            indices[count] = next;
            values[count++] = value;
        }
        return new SparseUpdate(Arrays.copyOf(indices, count), Arrays.copyOf(values, count));
    }

    /** The non-zero entries of {@code dense}. */
    public static SparseUpdate nonZero(float[] dense) {
        int count = 0;
        for (float value : dense) {
            if (value != 0) {
                count++;
            }
        }
        int[] indices = new int[count];
        float[] values = new float[count];
        int next = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                indices[next] = i;
                values[next++] = dense[i];
            }
        }
        return new SparseUpdate(indices, values);
    }

    /** This update cut to its {@code entries} largest entries by magnitude, and the rest. */
    public record Split(SparseUpdate kept, SparseUpdate dropped) {
    }

    /**
     * Keeps the {@code entries} entries of largest magnitude (of equals, those of lower index) and drops the rest,
     * both in index order; an update of at most {@code entries} entries is kept whole.
     */
    public Split largest(int entries) {
        if (size() <= entries) {
            return new Split(this, EMPTY);
        }
        float[] magnitudes = new float[size()];
        for (int i = 0; i < magnitudes.length; i++) {
            magnitudes[i] = Math.abs(values[i]);
        }
        float threshold = Selection.kthLargest(magnitudes, entries);
        int above = 0;
        for (float value : values) {
            if (Math.abs(value) > threshold) {
                above++;
            }
        }
        int equalsKept = entries - above;
        int[] keptIndices = new int[entries];
        float[] keptValues = new float[entries];
        int[] droppedIndices = new int[size() - entries];
        float[] droppedValues = new float[size() - entries];
        int kept = 0;
        int dropped = 0;
        for (int i = 0; i < size(); i++) {
            float magnitude = Math.abs(values[i]);
            boolean keep = magnitude > threshold || (magnitude == threshold && equalsKept-- > 0);
            if (keep) {
                keptIndices[kept] = indices[i];
                keptValues[kept++] = values[i];
            } else {
                droppedIndices[dropped] = indices[i];
                droppedValues[dropped++] = values[i];
            }
        }
        return new Split(new SparseUpdate(keptIndices, keptValues), new SparseUpdate(droppedIndices, droppedValues));
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
