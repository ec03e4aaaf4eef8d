package org.dlspark.eval;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.model.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
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
            double denoisedMse, double denoisedPsnr, double gain) implements Serializable {
    }

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
                .reduce((a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]});
        shipped.destroy();
        double values = sums[3];
        double noisy = sums[0] / values;
        double denoised = sums[2] / values;
        return new Result(noiseFactor, batches.stream().mapToLong(b -> b.size(0)).sum(), noisy,
                ImageQuality.psnr(noisy), ImageQuality.psnr(sums[1] / values), denoised, ImageQuality.psnr(denoised),
                ImageQuality.psnr(denoised) - ImageQuality.psnr(noisy));
    }

    /** Noisy, box-filtered and denoised squared-error sums of a partition, and its pixel count. */
    private static double[] errors(TrainedModel model, Iterator<Tuple2<Integer, INDArray>> batches,
            double noiseFactor, long seed) {
        ComputationGraph network = model.network();
        double[] sums = new double[4];
        while (batches.hasNext()) {
            Tuple2<Integer, INDArray> batch = batches.next();
            INDArray clean = batch._2();
            INDArray noisy = noisy(clean, noiseFactor, seed + batch._1());
            sums[0] += ImageQuality.squaredError(noisy, clean);
            sums[1] += ImageQuality.squaredError(ImageQuality.boxFilter3x3(noisy), clean);
            sums[2] += ImageQuality.squaredError(network.outputSingle(false, noisy), clean);
            sums[3] += clean.length();
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
