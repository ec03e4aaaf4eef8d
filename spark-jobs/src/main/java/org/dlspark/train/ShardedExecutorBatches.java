package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.shard.ShardCache;
import org.dlspark.shard.ShardHosts;
import org.dlspark.shard.ShardPlan;
import org.dlspark.shard.ShardRdd;
import org.dlspark.shard.ShardSlice;
import org.nd4j.linalg.dataset.DataSet;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.reflect.ClassTag$;

/**
 * {@link ShardedBatches} as the executors read them: every task carries the slices it reads (a few hundred bytes
 * each) and streams their minibatches itself. Each epoch the plan deals the training slices to the workers anew,
 * unless the workers keep what they read ({@link ShardCache}): then every epoch deals as the first did. A worker's
 * task prefers the hosts that store most of its slices on HDFS ({@link ShardHosts}).
 */
final class ShardedExecutorBatches implements ExecutorBatches {

    private final JavaSparkContext spark;
    private final ShardedBatches batches;
    private final int workers;
    private final ShardHosts hosts = new ShardHosts();

    ShardedExecutorBatches(JavaSparkContext spark, ShardedBatches batches, int workers) {
        this.spark = spark;
        this.batches = batches;
        this.workers = workers;
    }

    @Override
    public JavaRDD<WorkerBatches> workers(int epoch) {
        int batchSize = batches.batchSize();
        ShardCache cache = batches.cache();
        int deal = cache == ShardCache.NONE ? epoch : 0;
        List<List<ShardSlice>> dealt = batches.train().assign(workers, batches.seed(), deal);
        List<Tuple2<List<ShardSlice>, Seq<String>>> placed = new ArrayList<>();
        for (List<ShardSlice> slices : dealt) {
            placed.add(new Tuple2<>(slices, JavaConverters.asScalaBuffer(hosts.preferred(slices)).toSeq()));
        }
        return spark.sc().makeRDD(JavaConverters.asScalaBuffer(placed).toSeq(), ClassTag$.MODULE$.apply(List.class))
                .toJavaRDD().map(slices -> (WorkerBatches) new StreamedBatches(castSlices(slices), batchSize, cache));
    }

    @SuppressWarnings("unchecked")
    private static List<ShardSlice> castSlices(List<?> slices) {
        return (List<ShardSlice>) slices;
    }

    @Override
    public JavaRDD<DataSet> of(EpochTrainer.EvaluationSet set) {
        return read(set == EpochTrainer.EvaluationSet.TEST ? batches.test() : batches.validation());
    }

    @Override
    public JavaRDD<DataSet> train() {
        return read(batches.train());
    }

    /** The minibatches of {@code plan}, each task streaming its slices in turn; none when there is no plan. */
    private JavaRDD<DataSet> read(ShardPlan plan) {
        return plan == null ? spark.emptyRDD() : ShardRdd.of(spark, plan, batches.batchSize(), batches.cache());
    }
}
