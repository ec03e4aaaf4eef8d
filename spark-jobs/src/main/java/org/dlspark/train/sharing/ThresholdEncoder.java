package org.dlspark.train.sharing;

import java.util.Arrays;

/**
 * Compresses a worker's dense updates by thresholding with error feedback: each update is added to a residual,
 * the entries of the residual whose magnitude reaches a threshold are sent and cleared, and the rest stay in the
 * residual for later iterations, so no part of any update is lost, only delayed. The threshold adapts every
 * iteration: it is the magnitude that lets through the configured fraction ({@code density}) of the entries.
 */
public final class ThresholdEncoder {

    private final float[] residual;
    private final float[] magnitudes;
    private final int entriesPerUpdate;

    /**
     * @param length the number of parameters
     * @param density the fraction of entries sent per update, in (0, 1]
     * @param residual the residual left by an earlier encoder of the same worker, or null to start from zero
     */
    public ThresholdEncoder(int length, double density, float[] residual) {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("density must be in (0, 1], got " + density);
        }
        if (residual != null && residual.length != length) {
            throw new IllegalArgumentException("a residual of " + residual.length + " entries for " + length
                    + " parameters");
        }
        this.residual = residual == null ? new float[length] : residual.clone();
        this.magnitudes = new float[length];
        this.entriesPerUpdate = entriesPerUpdate(length, density);
    }

    /** Adds {@code update} to the residual and takes out the part to send. */
    public SparseUpdate encode(float[] update) {
        if (update.length != residual.length) {
            throw new IllegalArgumentException("an update of " + update.length + " entries for " + residual.length
                    + " parameters");
        }
        for (int i = 0; i < residual.length; i++) {
            residual[i] += update[i];
        }
        return takeLargest();
    }

    /**
     * Adds {@code dropped} to the residual: the part of a partial sum of several workers' updates that the exchange
     * left out ({@link SparseAllReduce}) and that this worker is to send in a later iteration, so that nothing any
     * worker computed is lost.
     */
    public void feedBack(SparseUpdate dropped) {
        for (int i = 0; i < dropped.size(); i++) {
            residual[dropped.indices()[i]] += dropped.values()[i];
        }
    }

    /** What has not been sent yet. */
    public float[] residual() {
        return residual.clone();
    }

    /** The length of the vector it encodes. */
    public int length() {
        return residual.length;
    }

    /** The most entries an encoder of {@code density} sends per update of a vector of {@code length} entries. */
    static int entriesPerUpdate(int length, double density) {
        return (int) Math.max(1, Math.min(length, Math.round(density * length)));
    }

    /** The maximum number of entries one update sends. */
    public int entriesPerUpdate() {
        return entriesPerUpdate;
    }

    private SparseUpdate takeLargest() {
        float threshold = threshold();
        int[] indices = new int[entriesPerUpdate];
        float[] values = new float[entriesPerUpdate];
        int count = 0;
        for (int i = 0; i < residual.length && count < entriesPerUpdate; i++) {
            float value = residual[i];
            if (value != 0 && Math.abs(value) >= threshold) {
                indices[count] = i;
                values[count] = value;
                residual[i] = 0;
                count++;
            }
        }
        return new SparseUpdate(Arrays.copyOf(indices, count), Arrays.copyOf(values, count));
    }

    /** The {@code entriesPerUpdate}-th largest magnitude in the residual. */
    private float threshold() {
        for (int i = 0; i < residual.length; i++) {
            magnitudes[i] = Math.abs(residual[i]);
        }
        return Selection.kthLargest(magnitudes, entriesPerUpdate);
    }
}
