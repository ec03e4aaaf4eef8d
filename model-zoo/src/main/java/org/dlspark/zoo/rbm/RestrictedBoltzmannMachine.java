package org.dlspark.zoo.rbm;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A restricted Boltzmann machine with binary (Bernoulli) visible and hidden units, trained by contrastive
 * divergence (CD-k). Visible values in [0, 1], such as pixel intensities, are taken as probabilities. Its weights
 * and hidden biases have the shapes of a DL4J dense layer's {@code W} and {@code b}, so a trained machine
 * initialises a sigmoid dense layer directly.
 */
public final class RestrictedBoltzmannMachine {

    private final INDArray weights;
    private final INDArray visibleBias;
    private final INDArray hiddenBias;
    private final Random random;

    /** A machine with small random weights (N(0, 0.01)) and zero biases, drawn from {@code seed}. */
    public RestrictedBoltzmannMachine(int visible, int hidden, long seed) {
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        this.weights = random.nextGaussian(new long[] {visible, hidden}).castTo(Nd4j.dataType()).muli(0.01);
        this.visibleBias = Nd4j.zeros(Nd4j.dataType(), 1, visible);
        this.hiddenBias = Nd4j.zeros(Nd4j.dataType(), 1, hidden);
    }

    /** A machine with a copy of {@code state}'s parameters, sampling from {@code seed}. */
    public RestrictedBoltzmannMachine(RbmState state, long seed) {
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        this.weights = state.weights().dup();
        this.visibleBias = state.visibleBias().dup();
        this.hiddenBias = state.hiddenBias().dup();
    }

    /** A copy of the parameters. */
    public RbmState state() {
        return new RbmState(weights.dup(), visibleBias.dup(), hiddenBias.dup());
    }

    /** Weights, {@code [visible, hidden]}. */
    public INDArray weights() {
        return weights;
    }

    /** Hidden biases, {@code [1, hidden]}. */
    public INDArray hiddenBias() {
        return hiddenBias;
    }

    /** P(h = 1 | v) for each row of {@code visible}. */
    public INDArray hiddenProbabilities(INDArray visible) {
        return Transforms.sigmoid(visible.mmul(weights).addiRowVector(hiddenBias), false);
    }

    /** P(v = 1 | h) for each row of {@code hidden}. */
    public INDArray visibleProbabilities(INDArray hidden) {
        return Transforms.sigmoid(hidden.mmul(weights.transpose()).addiRowVector(visibleBias), false);
    }

    /** Mean squared difference between {@code visible} and its mean-field reconstruction v -> h -> v. */
    public double reconstructionError(INDArray visible) {
        INDArray reconstruction = visibleProbabilities(hiddenProbabilities(visible));
        return Transforms.pow(reconstruction.subi(visible), 2, false).meanNumber().doubleValue();
    }

    /**
     * One CD-k update on a minibatch: the positive statistics come from the data, the negative ones from the end
     * of a k-step Gibbs chain started at the data (hidden states sampled, the last visible and hidden steps
     * mean-field).
     *
     * @param visible a minibatch, one example per row
     * @param k Gibbs steps
     * @param learningRate step size of the gradient ascent on the log-likelihood
     */
    public void contrastiveDivergence(INDArray visible, int k, double learningRate) {
        int n = (int) visible.rows();
        INDArray positiveHidden = hiddenProbabilities(visible);
        INDArray hiddenState = sample(positiveHidden);
        INDArray negativeVisible = null;
        INDArray negativeHidden = null;
        for (int step = 0; step < k; step++) {
            negativeVisible = visibleProbabilities(hiddenState);
            negativeHidden = hiddenProbabilities(negativeVisible);
            hiddenState = sample(negativeHidden);
        }
        double rate = learningRate / n;
        INDArray positive = visible.transpose().mmul(positiveHidden);
        INDArray negative = negativeVisible.transpose().mmul(negativeHidden);
        weights.addi(positive.subi(negative).muli(rate));
        visibleBias.addi(visible.sub(negativeVisible).sum(true, 0).muli(rate));
        hiddenBias.addi(positiveHidden.sub(negativeHidden).sum(true, 0).muli(rate));
    }

    private INDArray sample(INDArray probabilities) {
        INDArray uniform = Nd4j.rand(probabilities.ulike(), random);
        return probabilities.gt(uniform).castTo(probabilities.dataType());
    }
}
