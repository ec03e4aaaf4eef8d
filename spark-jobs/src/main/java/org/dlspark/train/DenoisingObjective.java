package org.dlspark.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.eval.DenoisingEvaluation;
import org.dlspark.eval.ReconstructionEvaluation;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The denoising autoencoder's objective: each minibatch's images plus Gaussian noise (times the noise factor,
 * clamped to [0, 1]) against the clean images, the noise drawn afresh every epoch; scored by the PSNR of the
 * denoised test images. The run folder gets {@value #PICTURE}: noisy, denoised and clean test images.
 *
 * @param noiseFactor the noise's standard deviation
 */
public record DenoisingObjective(double noiseFactor) implements Objective {

    /** The picture of denoised test images. */
    public static final String PICTURE = "denoising.png";

    @Override
    public Score score() {
        return Score.PSNR;
    }

    @Override
    public boolean classifies() {
        return false;
    }

    @Override
    public DataSet pair(DataSet batch, long seed) {
        return new DataSet(DenoisingEvaluation.noisy(batch.getFeatures(), noiseFactor, seed), batch.getFeatures());
    }

    @Override
    public IEvaluation<?> newEvaluation(List<String> classNames) {
        return new ReconstructionEvaluation();
    }

    @Override
    public TestFigures figures(EpochTrainer.Result result, List<String> classNames, Supplier<JavaRDD<DataSet>> test,
            long seed, Path folder) throws IOException {
        JavaRDD<DataSet> clean = test.get();
        DenoisingEvaluation.picture(result.network(), clean.first().getFeatures(), noiseFactor, seed,
                folder.resolve(PICTURE));
        return DenoisingEvaluation.run(JavaSparkContext.fromSparkContext(clean.context()), clean, result.network(),
                noiseFactor, seed);
    }

    @Override
    public double score(IEvaluation<?> evaluation) {
        return ((ReconstructionEvaluation) evaluation).psnr();
    }
}
