package org.dlspark.shard;

import java.io.Serializable;

/**
 * Some consecutive minibatches of one shard file, the unit in which shards are assigned to workers: the file, its
 * SHA-256 from the manifest (null when the manifest has none), the first minibatch, how many and how many examples
 * they hold in all. {@code examples} may cut the last minibatch short (a {@code --train-limit} that ends inside it).
 *
 * @param uri the shard file, a Hadoop path
 * @param sha256 the shard's SHA-256, or null
 * @param first the index of the first minibatch in the shard
 * @param batches how many minibatches
 * @param examples the examples those minibatches hold, or fewer to cut the last one short
 */
public record ShardSlice(String uri, String sha256, int first, int batches, long examples) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the bounds. */
    public ShardSlice {
        if (first < 0 || batches < 1 || examples < 1) {
            throw new IllegalArgumentException(uri + ": a slice of " + batches + " minibatches from " + first
                    + " holding " + examples + " examples");
        }
    }
}
