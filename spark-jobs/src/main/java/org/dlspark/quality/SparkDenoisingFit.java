package org.dlspark.quality;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.dlspark.eval.DenoisingEvaluation;
import org.dlspark.spark.ExecutorData;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.sharing.MeshAveragingTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fits the denoising autoencoder with DL4J's parameter averaging over Spark. The clean images are stored on the
 * executors once; each epoch the executors add fresh noise, seeded by the epoch and the minibatch's place, so the
 * noise is the same however often an epoch is recomputed.
 */
final class SparkDenoisingFit implements DenoisingFit {

    private final JavaSparkContext spark;
    private final JavaRDD<INDArray> clean;
    private final int workers;
    private final int batchSize;
    private final double noiseFactor;
    private final long seed;
    private final String exportDirectory;
    private SparkComputationGraph sparkNetwork;

    /**
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers data-parallel workers, or null for one per task slot
     * @param exportDirectory where DL4J stages minibatches in local mode (a Hadoop path)
     */
    SparkDenoisingFit(ComputationGraph network, List<INDArray> train, double noiseFactor, long seed, int batchSize,
            String master, Integer workers, String exportDirectory) {
        this.spark = SparkContexts.start("dlspark quality autoencoder", master);
        this.workers = workers != null ? workers : spark.defaultParallelism();
        this.clean = ExecutorData.distribute(spark, train, this.workers);
        this.batchSize = batchSize;
        this.noiseFactor = noiseFactor;
        this.seed = seed;
        this.exportDirectory = exportDirectory;
        this.sparkNetwork = new SparkComputationGraph(spark, network, null);
    }

    /** Workers training. */
    int workers() {
        return workers;
    }

    @Override
    public double fitEpoch(int epoch) {
        double factor = noiseFactor;
        long epochSeed = seed * 1_000_003L + epoch * 65_537L;
        JavaRDD<DataSet> noisy = clean.mapPartitionsWithIndex((partition, batches) -> {
            List<DataSet> pairs = new ArrayList<>();
            int position = 0;
            while (batches.hasNext()) {
                INDArray batch = batches.next();
                org.nd4j.linalg.api.rng.Random random = Nd4j.getRandomFactory()
                        .getNewRandomInstance(epochSeed + 4_096L * partition + position++);
                pairs.add(new DataSet(DenoisingEvaluation.addNoise(batch, factor, random), batch));
            }
            Iterator<DataSet> result = pairs.iterator();
            return result;
        }, true);
        sparkNetwork = new SparkComputationGraph(spark, sparkNetwork.getNetwork(),
                AveragingMasters.forEpoch(spark, workers, batchSize, MeshAveragingTrainer.DEFAULT_FREQUENCY, seed,
                        epoch, exportDirectory));
        sparkNetwork.fit(noisy);
        AveragingMasters.cleanUp(exportDirectory, epoch);
        return sparkNetwork.getScore();
    }

    @Override
    public ComputationGraph network() {
        return sparkNetwork.getNetwork();
    }

    @Override
    public void close() {
        spark.close();
    }
}
