package org.dlspark.eval;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.model.TrainedModel;
import org.dlspark.plot.ImageGrid;
import org.dlspark.train.PairSeeds;
import org.dlspark.train.TestFigures;
import org.dlspark.train.sharing.NetworkState;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import scala.Tuple2;

/**
 * Evaluates a denoising autoencoder over Spark: each test minibatch gets Gaussian noise (times the noise factor,
 * clamped to [0, 1], seeded by the seed and the minibatch's index, so the figures do not depend on the
 * partitioning), and the executors sum the squared errors against the clean images of the noisy input, of a 3x3
 * box filter and of the autoencoder's output.
 */
public final class DenoisingEvaluation {

    /**
     * The figures.
     *
     * @param noiseFactor the noise's standard deviation
     * @param images test images evaluated
     * @param noisyMse mean squared error of the noisy input; {@code noisyPsnr} its PSNR (dB)
     * @param boxFilterPsnr PSNR of a 3x3 box filter of the noisy input
     * @param denoisedMse mean squared error of the autoencoder's output; {@code denoisedPsnr} its PSNR
     * @param gain how many dB the autoencoder adds to the noisy input's PSNR
     */
    public record Result(double noiseFactor, long images, double noisyMse, double noisyPsnr, double boxFilterPsnr,
            double denoisedMse, double denoisedPsnr, double gain) implements Serializable, TestFigures {

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%d test images: PSNR noisy %.2f dB, 3x3 box filter %.2f dB, denoised "
                    + "%.2f dB (gain %+.2f dB); MSE noisy %.5f, denoised %.5f", images, noisyPsnr, boxFilterPsnr,
                    denoisedPsnr, gain, noisyMse, denoisedMse);
        }
    }

    /** The sums of an evaluation: squared errors noisy, box-filtered and denoised, pixels, images. */
    private static final int SUMS = 5;
    /** Test images shown in {@link #picture}. */
    private static final int SHOWN = 10;

    private DenoisingEvaluation() {
    }

    /** Evaluates {@code model} on the clean images {@code batches} in {@code partitions} Spark tasks. */
    public static Result run(JavaSparkContext spark, TrainedModel model, List<INDArray> batches, double noiseFactor,
            long seed, int partitions) {
        Broadcast<TrainedModel> shipped = spark.broadcast(model);
        List<Tuple2<Integer, INDArray>> indexed = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            indexed.add(new Tuple2<>(i, batches.get(i)));
        }
        double[] sums = spark.parallelize(indexed, Math.max(1, Math.min(partitions, batches.size())))
                .mapPartitions((Iterator<Tuple2<Integer, INDArray>> part) -> List.of(errors(shipped.value(), part,
                        noiseFactor, seed)).iterator())
                .reduce(DenoisingEvaluation::plus);
        shipped.destroy();
        return result(sums, noiseFactor);
    }

    /**
     * Evaluates {@code network} on the clean test minibatches {@code test} where they are, with the noise that
     * {@link org.dlspark.train.DenoisingObjective} gives them in training runs (seeded by partition and place, see
     * {@link PairSeeds#ofEvaluation}).
     */
    public static Result run(JavaSparkContext spark, JavaRDD<DataSet> test, ComputationGraph network,
            double noiseFactor, long seed) {
        Broadcast<NetworkState> shipped = spark.broadcast(NetworkState.of(network));
        double[] sums = test.mapPartitionsWithIndex((partition, batches) -> {
            ComputationGraph restored = shipped.value().restore();
            long next = PairSeeds.ofEvaluation(seed, partition);
            double[] partial = new double[SUMS];
            while (batches.hasNext()) {
                INDArray clean = batches.next().getFeatures();
                add(partial, restored, clean, noisy(clean, noiseFactor, next++));
            }
            return List.of(partial).iterator();
        }, false).reduce(DenoisingEvaluation::plus);
        shipped.destroy();
        return result(sums, noiseFactor);
    }

    /** Writes {@code png}: rows of noisy, denoised and clean images, the first few of {@code clean}. */
    public static void picture(ComputationGraph network, INDArray clean, double noiseFactor, long seed, Path png)
            throws IOException {
        INDArray shownClean = clean.get(NDArrayIndex.interval(0, Math.min(SHOWN, clean.size(0)))).dup();
        INDArray shownNoisy = noisy(shownClean, noiseFactor, seed);
        ImageGrid.write(png, List.of(shownNoisy, network.outputSingle(false, shownNoisy), shownClean));
    }

    private static Result result(double[] sums, double noiseFactor) {
        double values = sums[3];
        double noisy = sums[0] / values;
        double denoised = sums[2] / values;
        return new Result(noiseFactor, (long) sums[4], noisy, ImageQuality.psnr(noisy),
                ImageQuality.psnr(sums[1] / values), denoised, ImageQuality.psnr(denoised),
                ImageQuality.psnr(denoised) - ImageQuality.psnr(noisy));
    }

    private static double[] plus(double[] a, double[] b) {
        double[] sum = new double[SUMS];
        Arrays.setAll(sum, i -> a[i] + b[i]);
        return sum;
    }

    /**
     * Adds the noisy, box-filtered and denoised squared errors of a minibatch, its pixel count and its image count to
     * {@code sums}.
     */
    private static void add(double[] sums, ComputationGraph network, INDArray clean, INDArray noisy) {
        sums[0] += ImageQuality.squaredError(noisy, clean);
        sums[1] += ImageQuality.squaredError(ImageQuality.boxFilter3x3(noisy), clean);
        sums[2] += ImageQuality.squaredError(network.outputSingle(false, noisy), clean);
        sums[3] += clean.length();
        sums[4] += clean.size(0);
    }

    /** The sums of a partition. */
    private static double[] errors(TrainedModel model, Iterator<Tuple2<Integer, INDArray>> batches,
            double noiseFactor, long seed) {
        ComputationGraph network = model.network();
        double[] sums = new double[SUMS];
        while (batches.hasNext()) {
            Tuple2<Integer, INDArray> batch = batches.next();
            add(sums, network, batch._2(), noisy(batch._2(), noiseFactor, seed + batch._1()));
        }
        return sums;
    }

    /** {@code clean} plus {@code noiseFactor} times standard normal noise seeded by {@code seed}, clamped to [0, 1]. */
    public static INDArray noisy(INDArray clean, double noiseFactor, long seed) {
        return addNoise(clean, noiseFactor, Nd4j.getRandomFactory().getNewRandomInstance(seed));
    }

    /** {@code images} plus {@code noiseFactor} times standard normal noise from {@code random}, clamped to [0, 1]. */
    public static INDArray addNoise(INDArray images, double noiseFactor, Random random) {
        INDArray noise = random.nextGaussian(images.shape()).castTo(images.dataType()).muli(noiseFactor);
        return Transforms.min(Transforms.max(noise.addi(images), 0, false), 1, false);
    }
}
