package org.dlspark.eval;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.nd4j.evaluation.BaseEvaluation;
import org.nd4j.evaluation.IMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How close a network's output images come to the clean ones: the squared error summed over every pixel, as DL4J's
 * evaluation loops (in this JVM and over Spark) feed and merge it; {@link #psnr()} is the figure epochs are scored
 * by.
 */
public final class ReconstructionEvaluation extends BaseEvaluation<ReconstructionEvaluation> {

    private static final long serialVersionUID = 1L;

    private double squaredError;
    private long values;
    private long examples;

    @Override
    public void eval(INDArray labels, INDArray predictions, INDArray mask, List<? extends Serializable> metadata) {
        squaredError += ImageQuality.squaredError(predictions, labels);
        values += labels.length();
        examples += labels.size(0);
    }

    @Override
    public void merge(ReconstructionEvaluation other) {
        squaredError += other.squaredError;
        values += other.values;
        examples += other.examples;
    }

    @Override
    public void reset() {
        squaredError = 0;
        values = 0;
        examples = 0;
    }

    /** Images evaluated. */
    public long examples() {
        return examples;
    }

    /** The mean squared error per pixel. */
    public double meanSquaredError() {
        return values == 0 ? Double.NaN : squaredError / values;
    }

    /** The peak signal-to-noise ratio of the output, in dB, for pixels in [0, 1]. */
    public double psnr() {
        return ImageQuality.psnr(meanSquaredError());
    }

    @Override
    public String stats() {
        return String.format(Locale.ROOT, "%d images: MSE %.5f, PSNR %.2f dB", examples, meanSquaredError(), psnr());
    }

    /** The PSNR, whatever is asked: it is the one figure this evaluation has. */
    @Override
    public double getValue(IMetric metric) {
        return psnr();
    }

    @Override
    public ReconstructionEvaluation newInstance() {
        return new ReconstructionEvaluation();
    }
}
