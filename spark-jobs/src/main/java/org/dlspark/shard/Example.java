package org.dlspark.shard;

import java.io.Serializable;

/**
 * One preprocessed example on its way into a shard.
 *
 * @param id where it came from, unique within the data set (orders and splits it deterministically)
 * @param label its class index
 * @param features its feature values, flattened in C order
 * @param mask for sequences: 1 for real time steps, 0 for padding; null for images
 */
public record Example(String id, int label, float[] features, float[] mask) implements Serializable {
}
