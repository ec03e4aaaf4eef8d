package org.dlspark.eval;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.nd4j.evaluation.BaseEvaluation;
import org.nd4j.evaluation.IMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a GAN's discriminator judges its generator's images, fed the combined graph's output (the discriminator's
 * probability that each generated image is real) by DL4J's evaluation loops, in this JVM or merged over Spark:
 * {@link #takenForReal()} is the share of them it takes for real, each counted by that probability (its mean).
 */
public final class RealismEvaluation extends BaseEvaluation<RealismEvaluation> {

    private static final long serialVersionUID = 1L;

    private double takenForReal;
    private long images;

    @Override
    public void eval(INDArray labels, INDArray predictions, INDArray mask, List<? extends Serializable> metadata) {
        takenForReal += predictions.sumNumber().doubleValue();
        images += predictions.size(0);
    }

    @Override
    public void merge(RealismEvaluation other) {
        takenForReal += other.takenForReal;
        images += other.images;
    }

    @Override
    public void reset() {
        takenForReal = 0;
        images = 0;
    }

    /** The share of the generated images the discriminator takes for real: its mean probability of real. */
    public double takenForReal() {
        return images == 0 ? Double.NaN : takenForReal / images;
    }

    @Override
    public String stats() {
        return String.format(Locale.ROOT, "%d generated images, %.2f%% taken for real", images, 100 * takenForReal());
    }

    /** The share taken for real, whatever is asked: it is the one figure this evaluation has. */
    @Override
    public double getValue(IMetric metric) {
        return takenForReal();
    }

    @Override
    public RealismEvaluation newInstance() {
        return new RealismEvaluation();
    }
}
