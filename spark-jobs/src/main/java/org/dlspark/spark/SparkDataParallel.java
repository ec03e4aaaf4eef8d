package org.dlspark.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.dlspark.zoo.DataParallel;
import org.nd4j.linalg.api.ndarray.INDArray;
import scala.Tuple2;

/**
 * A zoo family's own training loop spread over Spark: the inputs are stored on the executors, each task runs
 * the family's step on its partition from a broadcast start state, and the driver averages the results, each
 * weighted by the minibatches its partition held.
 */
public final class SparkDataParallel implements DataParallel {

    private final JavaSparkContext spark;
    private final List<INDArray> inputs;
    private final int workers;
    private JavaRDD<INDArray> stored;

    /**
     * Will spread {@code inputs} (minibatches) over {@code workers} partitions on the executors: on the first
     * {@link #mapAndAverage}, so that a family without a loop of its own ships nothing.
     */
    public SparkDataParallel(JavaSparkContext spark, List<INDArray> inputs, int workers) {
        this.spark = spark;
        this.inputs = inputs;
        this.workers = workers;
    }

    @Override
    public <S extends Serializable> S mapAndAverage(S start, PartitionTask<S> task, Average<S> average) {
        if (stored == null) {
            stored = ExecutorData.distribute(spark, inputs, workers);
        }
        Broadcast<S> shared = spark.broadcast(start);
        List<Tuple2<S, Integer>> results = stored.mapPartitionsWithIndex((partition, batches) -> {
            List<INDArray> local = new ArrayList<>();
            batches.forEachRemaining(local::add);
            Iterator<Tuple2<S, Integer>> result = List.of(new Tuple2<>(
                    task.run(shared.value(), local.iterator(), partition), local.size())).iterator();
            return result;
        }, false).filter(result -> result._2() > 0).collect();
        shared.destroy();
        int total = results.stream().mapToInt(Tuple2::_2).sum();
        double[] weights = results.stream().mapToDouble(result -> (double) result._2() / total).toArray();
        return average.of(results.stream().map(Tuple2::_1).toList(), weights);
    }
}
