package org.dlspark.train;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.image.ConvAutoencoder;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a family learns from the run's minibatches and how its epochs are scored: a classifier fits the labelled
 * examples as they are and is scored by accuracy ({@link ClassificationObjective}); the denoising autoencoder fits
 * noisy images against the clean ones and is scored by PSNR ({@link DenoisingObjective}); the GAN trains its
 * discriminator and generator against each other ({@link AdversarialObjective}). Every strategy's workers turn a
 * minibatch into what the networks fit through it, on the executors, so it travels with their tasks.
 */
public interface Objective extends Serializable {

    /** What the epochs are scored by. */
    Score score();

    /** Whether the family predicts the data's classes (and so has per-class figures and a baseline beside it). */
    boolean classifies();

    /**
     * What the network fits, or is evaluated on, for {@code batch}; anything random in it is drawn from
     * {@code seed}, so that a minibatch gets the same wherever and however often it is computed.
     */
    DataSet pair(DataSet batch, long seed);

    /**
     * What the model's network is evaluated on for {@code batch} of the test or validation set, seeded by
     * {@code seed}: the training pair unless the family evaluates something else.
     */
    default DataSet evaluationPair(DataSet batch, long seed) {
        return pair(batch, seed);
    }

    /** The networks a new run of {@code model} trains, starting with its {@code network}. */
    default Replica newReplica(ZooModel model, ComputationGraph network) {
        return Replica.of(network);
    }

    /** How {@code replica} learns, drawing anything random it needs from {@code seed}. */
    default Learner learner(Replica replica, long seed) {
        return new NetworkLearner(replica);
    }

    /** A new, empty evaluation for the test or validation set. */
    IEvaluation<?> newEvaluation(List<String> classNames);

    /** The score of a filled {@code evaluation}. */
    double score(IEvaluation<?> evaluation);

    /**
     * The trained network's figures on the test set, with the pictures that go with them written into
     * {@code folder}: a classifier's report of {@code result}'s final evaluation; the autoencoder's PSNR of the noisy,
     * box-filtered and denoised test images (evaluated where {@code test} is) and {@code denoising.png}.
     *
     * @param test the test minibatches, asked for only by objectives that evaluate again
     */
    TestFigures figures(EpochTrainer.Result result, List<String> classNames, Supplier<JavaRDD<DataSet>> test,
            long seed, Path folder) throws IOException;

    /**
     * The objective of {@code model}'s family.
     *
     * @param classifier for a GAN: the run folder of a trained classifier that judges its samples, or null
     */
    static Objective of(ZooModel model, String classifier) {
        return switch (model.task()) {
            case CLASSIFICATION -> new ClassificationObjective();
            case RECONSTRUCTION -> new DenoisingObjective(
                    ((ConvAutoencoder.Architecture) model.architecture()).noiseFactor());
            case GENERATION -> AdversarialObjective.of(model, classifier);
        };
    }
}
