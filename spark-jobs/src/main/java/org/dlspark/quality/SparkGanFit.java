package org.dlspark.quality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.spark.ExecutorData;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.sharing.MeshAveragingTrainer;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.gan.GanTraining;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains the GAN with parameter averaging on Spark, in a loop of its own: the real images are stored on the
 * executors; in each round every worker takes both networks from the driver, runs {@value #AVERAGING_FREQUENCY}
 * adversarial steps (a discriminator step, then a generator step) on its next minibatches, and the driver averages
 * both networks' parameters and updater states, weighted by the steps each worker ran.
 */
final class SparkGanFit implements GanFit {

    /** Steps each worker runs between two averagings. */
    static final int AVERAGING_FREQUENCY = MeshAveragingTrainer.DEFAULT_FREQUENCY;

    /** What one worker returns from a round. */
    private record RoundResult(GanState state, double discriminatorLoss, double generatorLoss, int steps)
            implements Serializable {
    }

    private final JavaSparkContext spark;
    private final JavaRDD<INDArray> images;
    private final GanTraining training;
    private final long seed;
    private final int workers;
    private final int rounds;

    /**
     * @param training the driver's training: its networks start the workers and receive the averages
     * @param master the Spark master, or null for spark-submit's or local mode
     * @param workers data-parallel workers, or null for one per task slot
     */
    SparkGanFit(GanTraining training, List<INDArray> train, long seed, String master, Integer workers) {
        this.spark = SparkContexts.start("dlspark quality gan", master);
        this.workers = workers != null ? workers : spark.defaultParallelism();
        this.images = ExecutorData.distribute(spark, train, this.workers);
        this.training = training;
        this.seed = seed;
        int largest = images.mapPartitions(batches -> {
            int count = 0;
            for (; batches.hasNext(); batches.next()) {
                count++;
            }
            return List.of(count).iterator();
        }).collect().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.rounds = (largest + AVERAGING_FREQUENCY - 1) / AVERAGING_FREQUENCY;
    }

    /** Workers training. */
    int workers() {
        return workers;
    }

    @Override
    public GanTraining.Losses fitEpoch(int epoch) {
        double discriminatorLoss = 0;
        double generatorLoss = 0;
        int steps = 0;
        for (int round = 0; round < rounds; round++) {
            List<RoundResult> results = round(epoch, round);
            int roundSteps = results.stream().mapToInt(RoundResult::steps).sum();
            double[] weights = results.stream().mapToDouble(r -> (double) r.steps() / roundSteps).toArray();
            GanState averaged = GanState.average(results.stream().map(RoundResult::state).toList(), weights);
            // counters included: the next round's workers start from the driver's iteration count
            averaged.gan().assignTo(training.network());
            averaged.discriminator().assignTo(training.discriminator());
            for (RoundResult result : results) {
                discriminatorLoss += result.discriminatorLoss();
                generatorLoss += result.generatorLoss();
            }
            steps += roundSteps;
        }
        return new GanTraining.Losses(discriminatorLoss / steps, generatorLoss / steps);
    }

    private List<RoundResult> round(int epoch, int round) {
        Broadcast<GanState> state = spark.broadcast(GanState.of(training.network(), training.discriminator()));
        long modelSeed = seed;
        List<RoundResult> results = images.mapPartitionsWithIndex((partition, batches) -> {
            List<INDArray> local = new ArrayList<>();
            batches.forEachRemaining(local::add);
            Collections.shuffle(local, new Random(modelSeed + 7919L * epoch + partition));
            int from = Math.min(local.size(), round * AVERAGING_FREQUENCY);
            int to = Math.min(local.size(), from + AVERAGING_FREQUENCY);
            Iterator<RoundResult> result = List.of(steps(state.value(), local.subList(from, to), modelSeed,
                    modelSeed * 31 + 1_000_003L * epoch + 1_009L * round + partition)).iterator();
            return result;
        }, false).filter(result -> result.steps() > 0).collect();
        state.destroy();
        return results;
    }

    /** A worker's steps of one round, from the driver's networks. */
    private static RoundResult steps(GanState start, List<INDArray> batches, long modelSeed, long noiseSeed) {
        ZooModel model = ModelZoo.create("gan", Map.of("seed", modelSeed));
        ComputationGraph gan = start.gan().restore();
        ComputationGraph discriminator = start.discriminator().restore();
        GanTraining worker = new GanTraining(model, gan, discriminator, noiseSeed);
        double discriminatorLoss = 0;
        double generatorLoss = 0;
        for (INDArray batch : batches) {
            GanTraining.Losses losses = worker.step(batch);
            discriminatorLoss += losses.discriminator();
            generatorLoss += losses.generator();
        }
        return new RoundResult(GanState.of(gan, discriminator), discriminatorLoss, generatorLoss, batches.size());
    }

    @Override
    public GanTraining training() {
        return training;
    }

    @Override
    public void close() {
        spark.close();
    }
}
