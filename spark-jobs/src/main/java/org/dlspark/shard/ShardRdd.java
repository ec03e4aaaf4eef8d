package org.dlspark.shard;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The minibatches of a {@link ShardPlan} as an RDD whose tasks read them: each task carries a few slices (a few
 * hundred bytes each) and streams their minibatches on the executor that runs it.
 */
public final class ShardRdd {

    /** Slices per task at most, so that the reading spreads over the executors. */
    private static final int SLICES_PER_TASK = 4;

    private ShardRdd() {
    }

    /**
     * The minibatches of {@code plan}, cut or joined to {@code batchSize}, read by the executors of {@code spark}.
     *
     * @param cache what the executors keep for later passes
     */
    public static JavaRDD<DataSet> of(JavaSparkContext spark, ShardPlan plan, int batchSize, ShardCache cache) {
        List<ShardSlice> slices = plan.slices();
        if (slices.isEmpty()) {
            return spark.emptyRDD();
        }
        int tasks = Math.min(slices.size(), Math.max(spark.defaultParallelism(),
                (slices.size() + SLICES_PER_TASK - 1) / SLICES_PER_TASK));
        return spark.parallelize(slices, tasks).mapPartitions(partition -> {
            List<ShardSlice> own = new ArrayList<>();
            partition.forEachRemaining(own::add);
            return (Iterator<DataSet>) new ShardStream(own, 0, batchSize, false, cache);
        });
    }
}
