package org.dlspark.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.model.TrainedModel;
import org.dlspark.plot.ImageGrid;
import org.dlspark.zoo.gan.GanTraining;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Evaluates a GAN over Spark by how a trained classifier judges its samples: the executors generate chunks of
 * samples from noise seeded by the seed and the chunk's index, classify them and count the predicted classes and
 * the top-class probabilities. Confident predictions mean recognisable samples; an even spread over the classes (high
 * entropy of the class histogram) means the generator did not collapse to a few kinds of image.
 */
public final class GanEvaluation {

    private static final int CHUNK = 100;
    /** Samples per side of the picture of samples. */
    private static final int GRID = 8;

    /**
     * The figures.
     *
     * @param samples samples judged
     * @param meanTopProbability the classifier's mean top-class probability
     * @param classEntropy entropy, in nats, of the predicted-class histogram (ln 10 = 2.3026 at most)
     * @param classHistogram samples per predicted class
     */
    public record Result(int samples, double meanTopProbability, double classEntropy,
            Map<String, Long> classHistogram) implements Serializable {
    }

    private GanEvaluation() {
    }

    /**
     * Judges {@code samples} samples of {@code gan}, a GAN's combined graph saved as DL4J's model file (noise vectors
     * of {@code latentSize}), with {@code classifier}.
     */
    public static Result run(JavaSparkContext spark, byte[] gan, int latentSize, TrainedModel classifier,
            int samples, long seed, int partitions) {
        Broadcast<byte[]> generator = spark.broadcast(gan);
        Broadcast<TrainedModel> judge = spark.broadcast(classifier);
        int classes = classifier.classNames().size();
        List<Integer> chunks = new ArrayList<>();
        for (int start = 0; start < samples; start += CHUNK) {
            chunks.add(start);
        }
        double[] totals = spark.parallelize(chunks, Math.max(1, Math.min(partitions, chunks.size())))
                .mapPartitions((Iterator<Integer> part) -> List.of(judge(generator.value(), judge.value(), part,
                        latentSize, samples, classes, seed)).iterator())
                .reduce(GanEvaluation::add);
        generator.destroy();
        judge.destroy();
        Map<String, Long> histogram = new LinkedHashMap<>();
        List<Long> counts = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            histogram.put(classifier.classNames().get(c), (long) totals[c]);
            counts.add((long) totals[c]);
        }
        return new Result(samples, totals[classes] / samples, entropy(counts, samples), histogram);
    }

    /** Per class the samples predicted in it, then the sum of top-class probabilities, for a partition's chunks. */
    private static double[] judge(byte[] gan, TrainedModel classifier, Iterator<Integer> chunks, int latentSize,
            int samples, int classes, long seed) throws IOException {
        ComputationGraph generator = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(gan), false);
        ComputationGraph judge = classifier.network();
        double[] totals = new double[classes + 1];
        while (chunks.hasNext()) {
            int start = chunks.next();
            int count = Math.min(CHUNK, samples - start);
            INDArray probabilities = judge.outputSingle(false, samples(generator, count, latentSize, seed + start));
            INDArray predicted = probabilities.argMax(1);
            for (int i = 0; i < count; i++) {
                totals[predicted.getInt(i)]++;
            }
            totals[classes] += probabilities.max(1).sumNumber().doubleValue();
        }
        return totals;
    }

    /** {@code count} images the generator of {@code gan} makes from standard normal noise seeded by {@code seed}. */
    public static INDArray samples(ComputationGraph gan, int count, int latentSize, long seed) {
        return GanTraining.generate(gan, noise(count, latentSize, seed).castTo(gan.params().dataType()));
    }

    /** Writes {@code png}: an 8x8 grid of the images {@code gan} generates from noise seeded by {@code seed}. */
    public static void writeSamples(ComputationGraph gan, int latentSize, long seed, Path png) throws IOException {
        ImageGrid.writeSquare(png, samples(gan, GRID * GRID, latentSize, seed), GRID);
    }

    /** {@code count} standard normal noise vectors of {@code latentSize}, seeded by {@code seed}. */
    public static INDArray noise(int count, int latentSize, long seed) {
        return Nd4j.getRandomFactory().getNewRandomInstance(seed).nextGaussian(new long[] {count, latentSize});
    }

    private static double[] add(double[] a, double[] b) {
        double[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    /** Entropy, in nats, of the distribution given by {@code counts} out of {@code total}. */
    public static double entropy(List<Long> counts, long total) {
        double entropy = 0;
        for (long count : counts) {
            if (count > 0) {
                double p = (double) count / total;
                entropy -= p * Math.log(p);
            }
        }
        return entropy;
    }
}
