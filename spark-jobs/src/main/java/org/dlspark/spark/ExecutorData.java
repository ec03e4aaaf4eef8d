package org.dlspark.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Puts driver-side data on the executors once. An RDD made by {@code parallelize} carries its data inside its
 * partitions, so every task of every stage built on it ships its whole partition again: with DL4J's averaging
 * rounds, gigabytes per epoch. Here the data is stored in the executors' block managers (memory, spilling to disk)
 * and the lineage is cut there, so later tasks carry only a reference to the stored blocks. On a cluster every
 * block is stored on two executors, so that losing one executor loses no data (with the lineage cut, a lost block
 * could not be computed again). The blocks are kept serialized: a replica arrives in a block manager's network
 * thread, and one stored deserialized is deserialized there, where the application's jar (added with
 * {@code spark.jars}) is not on the class loader; ND4J's arrays then failed to read ("unread block data") and
 * with them, now and then, the whole job. Each task deserializes its partition itself.
 */
public final class ExecutorData {

    private ExecutorData() {
    }

    /** {@code items} in {@code partitions} partitions, stored on the executors. */
    public static <T> JavaRDD<T> distribute(JavaSparkContext spark, List<T> items, int partitions) {
        JavaRDD<T> rdd = spark.parallelize(items, partitions);
        boolean oneJvm = spark.master().startsWith("local");
        rdd.persist(oneJvm ? StorageLevel.MEMORY_AND_DISK() : StorageLevel.MEMORY_AND_DISK_SER_2());
        rdd.rdd().localCheckpoint();
        rdd.count();
        return rdd;
    }
}
