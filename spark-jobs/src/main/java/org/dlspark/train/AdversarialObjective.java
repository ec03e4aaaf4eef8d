package org.dlspark.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.eval.GanEvaluation;
import org.dlspark.eval.GanFigures;
import org.dlspark.eval.RealismEvaluation;
import org.dlspark.model.TrainedModel;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.gan.GanTraining;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The GAN's objective: its discriminator learns to tell the run's images from generated ones and its generator to
 * make the discriminator take generated images for real ({@link AdversarialLearner}); the labels of the data are
 * not used. Epochs are scored by the share of generated images the discriminator takes for real (as many images
 * as the test set holds, from noise fixed per partition): it shows how the two networks balance, not how good the
 * samples are, so a GAN trains its set number of epochs without early stopping. The run folder gets
 * {@value #SAMPLES} and, with a classifier given, how confidently and how evenly it recognises
 * {@value #JUDGED} samples.
 *
 * @param latentSize the length of the generator's noise vectors
 * @param classifier the run folder of a trained classifier that judges the samples, or null
 */
public record AdversarialObjective(int latentSize, String classifier) implements Objective {

    /** The picture of samples in the run folder. */
    public static final String SAMPLES = "samples.png";
    /** Samples the classifier judges. */
    public static final int JUDGED = 1000;

    /**
     * The objective of {@code model}, a GAN, judged by {@code classifier}.
     *
     * @throws org.dlspark.data.DataFormatException naming the classifier's file when it cannot be read
     */
    static AdversarialObjective of(ZooModel model, String classifier) {
        if (classifier != null) {
            TrainedModel.load(classifier);
        }
        return new AdversarialObjective(GanTraining.architecture(model).latentSize(), classifier);
    }

    @Override
    public Score score() {
        return Score.TAKEN_FOR_REAL;
    }

    @Override
    public boolean classifies() {
        return false;
    }

    /** The real images as they are: the generator's noise is drawn by the learner. */
    @Override
    public DataSet pair(DataSet batch, long seed) {
        return batch;
    }

    /** As many noise vectors as {@code batch} has images, each to be taken for real. */
    @Override
    public DataSet evaluationPair(DataSet batch, long seed) {
        int n = batch.numExamples();
        return new DataSet(GanEvaluation.noise(n, latentSize, seed).castTo(DataType.FLOAT),
                Nd4j.ones(DataType.FLOAT, n, 1));
    }

    /** The combined graph, and a discriminator that starts from its copy of it. */
    @Override
    public Replica newReplica(ZooModel model, ComputationGraph network) {
        return new Replica(List.of(network, GanTraining.newDiscriminator(model, network)));
    }

    @Override
    public Learner learner(Replica replica, long seed) {
        return new AdversarialLearner(replica, latentSize, seed);
    }

    @Override
    public IEvaluation<?> newEvaluation(List<String> classNames) {
        return new RealismEvaluation();
    }

    @Override
    public double score(IEvaluation<?> evaluation) {
        return ((RealismEvaluation) evaluation).takenForReal();
    }

    @Override
    public TestFigures figures(EpochTrainer.Result result, List<String> classNames, Supplier<JavaRDD<DataSet>> test,
            long seed, Path folder) throws IOException {
        ComputationGraph gan = result.network();
        GanEvaluation.writeSamples(gan, latentSize, seed, folder.resolve(SAMPLES));
        if (classifier == null) {
            return new GanFigures(result.testScore(), null);
        }
        JavaSparkContext spark = JavaSparkContext.fromSparkContext(test.get().context());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(gan, bytes, false);
        return new GanFigures(result.testScore(), GanEvaluation.run(spark, bytes.toByteArray(), latentSize,
                TrainedModel.load(classifier), JUDGED, seed, spark.defaultParallelism()));
    }
}
