package org.dlspark.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.dlspark.zoo.DataParallel;
import org.nd4j.linalg.api.ndarray.INDArray;
import scala.Tuple2;

/**
 * A zoo family's own training loop spread over Spark: each task runs the family's step on its partition of the
 * inputs (stored on the executors, or read there from shards) from a broadcast start state, and the driver averages
 * the results, each weighted by the minibatches its partition held.
 */
public final class SparkDataParallel implements DataParallel {

    private final JavaRDD<INDArray> inputs;

    /**
     * @param inputs the minibatches of inputs, one partition per worker; read only when a family's loop runs, so
     *     that a family without one reads nothing
     */
    public SparkDataParallel(JavaRDD<INDArray> inputs) {
        this.inputs = inputs;
    }

    @Override
    public <S extends Serializable> S mapAndAverage(S start, PartitionTask<S> task, Average<S> average) {
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(inputs.context());
        Broadcast<S> shared = spark.broadcast(start);
        List<Tuple2<S, Integer>> results = inputs.mapPartitionsWithIndex((partition, batches) -> {
            Counted counted = new Counted(batches);
            S state = task.run(shared.value(), counted, partition);
            return List.of(new Tuple2<>(state, counted.seen)).iterator();
        }, false).filter(result -> result._2() > 0).collect();
        shared.destroy();
        int total = results.stream().mapToInt(Tuple2::_2).sum();
        double[] weights = results.stream().mapToDouble(result -> (double) result._2() / total).toArray();
        return average.of(results.stream().map(Tuple2::_1).toList(), weights);
    }

    /** A partition's minibatches, counting those the task took. */
    private static final class Counted implements Iterator<INDArray> {
        private final Iterator<INDArray> batches;
        private int seen;

        Counted(Iterator<INDArray> batches) {
            this.batches = batches;
        }

        @Override
        public boolean hasNext() {
            return batches.hasNext();
        }

        @Override
        public INDArray next() {
            seen++;
            return batches.next();
        }
    }
}
