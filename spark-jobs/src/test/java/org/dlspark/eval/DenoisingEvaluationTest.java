package org.dlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.DenoisingObjective;
import org.dlspark.train.PairSeeds;
import org.dlspark.train.PairedBatches;
import org.dlspark.zoo.ModelZoo;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class DenoisingEvaluationTest {

    @Test
    void theRunsFiguresGiveTheNoiseItsEpochsWereScoredWith() {
        ComputationGraph network = ModelZoo.create("autoencoder").build();
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batches.add(new DataSet(Nd4j.getRandomFactory().getNewRandomInstance(i)
                    .nextDouble(new long[] {5, 1, 28, 28}).castTo(DataType.FLOAT), Nd4j.zeros(DataType.FLOAT, 5, 10)));
        }
        DenoisingObjective objective = new DenoisingObjective(0.5);
        try (JavaSparkContext spark = SparkContexts.start("denoising evaluation test", "local[2]")) {
            JavaRDD<DataSet> test = spark.parallelize(batches, 2);
            DenoisingEvaluation.Result figures = DenoisingEvaluation.run(spark, test, network, 0.5, 42);

            ReconstructionEvaluation scored = new ReconstructionEvaluation();
            List<List<DataSet>> partitions = test.glom().collect();
            for (int partition = 0; partition < partitions.size(); partition++) {
                PairedBatches.paired(partitions.get(partition).iterator(), objective,
                        PairSeeds.ofEvaluation(42, partition)).forEachRemaining(pair -> scored.eval(pair.getLabels(),
                                network.outputSingle(false, pair.getFeatures())));
            }
            assertEquals(20, figures.images());
            assertEquals(scored.psnr(), figures.denoisedPsnr(), 1e-6);
            assertTrue(figures.boxFilterPsnr() > figures.noisyPsnr(), figures.toString());
        }
    }
}
