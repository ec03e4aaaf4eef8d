package org.dlspark.shard;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.dlspark.data.SeededHash;
import org.dlspark.io.HadoopOutputFolder;
import org.nd4j.linalg.dataset.DataSet;
import scala.Tuple2;

/**
 * Writes one split's examples as {@code N} balanced shard files ({@code part-00000.bin}...), in parallel, one
 * Spark task per shard. Examples are put in a seeded pseudo-random order (by the hash of their id), the i-th going
 * to shard {@code i mod N}, and cut into minibatches in that order: shard contents depend only on the examples,
 * the seed and N, never on how the input was partitioned.
 */
public final class ShardWriter {

    private ShardWriter() {
    }

    /**
     * How many of a split's {@code total} examples shard {@code index} of {@code shards} holds: position {@code i}
     * goes to shard {@code i mod shards}, so the first {@code total mod shards} shards hold one more.
     */
    public static long examplesIn(int index, int shards, long total) {
        return index >= total ? 0 : (total - index + shards - 1) / shards;
    }

    /** The name of shard {@code index}. */
    public static String shardName(int index) {
        return String.format(Locale.ROOT, "part-%05d.bin", index);
    }

    /** Sort key: the seeded hash of the id, ties broken by the id. */
    record OrderKey(long hash, String id) implements Comparable<OrderKey>, Serializable {
        @Override
        public int compareTo(OrderKey other) {
            int byHash = Long.compare(hash, other.hash);
            return byHash != 0 ? byHash : id.compareTo(other.id);
        }
    }

    /** Sends position {@code i} to partition {@code i mod shards}. */
    static final class ShardPartitioner extends Partitioner {
        private final int shards;

        ShardPartitioner(int shards) {
            this.shards = shards;
        }

        @Override
        public int numPartitions() {
            return shards;
        }

        @Override
        public int getPartition(Object key) {
            return (int) ((Long) key % shards);
        }
    }

    /**
     * Writes {@code examples} into {@code folder} (a Hadoop path, created if needed) as {@code shards} files.
     *
     * @return the shard file names, in order, each with its SHA-256
     */
    public static Map<String, String> write(JavaRDD<Example> examples, String folder, int shards, int batchSize,
            long seed, ExampleShape shape, int partitions) {
        List<Tuple2<Integer, String>> written = examples.mapToPair(e -> new Tuple2<>(new OrderKey(SeededHash.of(seed, e.id()), e.id()), e))
                .sortByKey(true, partitions)
                .values()
                .zipWithIndex()
                .mapToPair(Tuple2::swap)
                .repartitionAndSortWithinPartitions(new ShardPartitioner(shards))
                .mapPartitions(positioned -> List.of(writeShard(positioned, folder, batchSize, shape)).iterator())
                .collect();
        Map<Integer, String> checksums = new java.util.TreeMap<>();
        written.forEach(shard -> checksums.put(shard._1(), shard._2()));
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < shards; i++) {
            names.put(shardName(i), checksums.get(i));
        }
        return names;
    }

    /** Writes one shard; returns its index and SHA-256. */
    private static Tuple2<Integer, String> writeShard(Iterator<Tuple2<Long, Example>> positioned, String folder,
            int batchSize, ExampleShape shape) throws IOException {
        List<DataSet> batches = new ArrayList<>();
        List<Example> pending = new ArrayList<>(batchSize);
        while (positioned.hasNext()) {
            pending.add(positioned.next()._2());
            if (pending.size() == batchSize) {
                batches.add(shape.batch(pending));
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            batches.add(shape.batch(pending));
        }
        int index = TaskContext.getPartitionId();
        Path file = new Path(folder, shardName(index));
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = new java.security.DigestOutputStream(
                HadoopOutputFolder.fileSystem(file).create(file, false), digest)) {
            ShardFile.write(out, batches);
        }
        return new Tuple2<>(index, java.util.HexFormat.of().formatHex(digest.digest()));
    }
}
