package org.dlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.zoo.DataParallel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SparkDataParallelTest {

    /** Each partition adds its minibatches' sums to the start; the average weighs partitions by minibatches. */
    @Test
    void runsTheTaskOnEveryPartitionAndAveragesByMinibatches() {
        List<INDArray> batches = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            batches.add(Nd4j.createFromArray(new double[] {i, i}));
        }
        DataParallel.PartitionTask<Double> sum = (start, inputs, partition) -> {
            double total = start;
            while (inputs.hasNext()) {
                total += inputs.next().sumNumber().doubleValue();
            }
            return total;
        };
        DataParallel.Average<Double> average = (states, weights) -> {
            double result = 0;
            for (int i = 0; i < states.size(); i++) {
                result += states.get(i) * weights[i];
            }
            return result;
        };
        try (JavaSparkContext spark = SparkContexts.start("test", "local[2]")) {
            // Partitions [1, 2] and [3, 4, 5]: 100 + 6 and 100 + 24, weighted 2/5 and 3/5.
            double averaged = new SparkDataParallel(spark.parallelize(batches, 2)).mapAndAverage(100.0, sum, average);
            assertEquals(0.4 * 106 + 0.6 * 124, averaged, 1e-9);
        }
    }
}
