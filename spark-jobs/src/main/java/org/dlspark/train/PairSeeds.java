package org.dlspark.train;

/**
 * The seeds an {@link Objective} draws a minibatch's noise from: one block per epoch and worker for training (fresh
 * noise every epoch), one fixed block per partition for evaluation (the same noise after every epoch, so that the
 * scores compare). A minibatch adds its place in the worker's order or the partition to its block's first seed.
 */
public final class PairSeeds {

    private static final long EPOCH_STRIDE = 1_000_003L;
    private static final long PART_STRIDE = 65_537L;
    private static final long EVALUATION = 0x5EED_E7A1L;
    private static final long LEARNER = 0x1EA_4E45L;

    private PairSeeds() {
    }

    /** The first seed of worker {@code worker}'s minibatches in epoch {@code epoch}. */
    public static long ofEpoch(long seed, int epoch, int worker) {
        return seed * 31 + EPOCH_STRIDE * epoch + PART_STRIDE * worker;
    }

    /** The seed of what worker {@code worker}'s {@link Learner} draws in epoch {@code epoch} (the GAN's noise). */
    public static long ofLearner(long seed, int epoch, int worker) {
        return ofEpoch(seed, epoch, worker) ^ LEARNER;
    }

    /** The first seed of the minibatches of evaluation partition {@code partition}. */
    public static long ofEvaluation(long seed, int partition) {
        return seed * 31 + EVALUATION + PART_STRIDE * partition;
    }
}
