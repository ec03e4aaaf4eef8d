package org.dlspark.train;

/**
 * A trained model's figures on the test set, as {@code metrics.json} holds them (unwrapped into the document) and
 * the run's last line prints them: a classifier's {@link org.dlspark.eval.ClassificationReport}, the denoising
 * autoencoder's {@link org.dlspark.eval.DenoisingEvaluation.Result}.
 */
public interface TestFigures {

    /** One line for the user. */
    String describe();
}
