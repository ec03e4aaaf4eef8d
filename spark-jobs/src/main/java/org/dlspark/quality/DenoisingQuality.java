package org.dlspark.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.data.FashionMnistData;
import org.dlspark.eval.DenoisingEvaluation;
import org.dlspark.eval.ImageQuality;
import org.dlspark.io.FileTrees;
import org.dlspark.io.Json;
import org.dlspark.plot.ImageGrid;
import org.dlspark.run.RunFolder;
import org.dlspark.run.RunInfo;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.IterationProgress;
import org.dlspark.train.Strategy;
import org.dlspark.train.TrainJob;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.image.ConvAutoencoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The quality of the denoising autoencoder: trained (in this JVM, or with parameter averaging on Spark) on
 * Fashion-MNIST images with Gaussian noise
 * (the family's noise factor) against the clean images, then measured on the noisy test images: PSNR of the noisy
 * input, of a 3x3 box filter, and of the denoised output. Writes {@code denoising.png}: noisy, denoised and clean
 * rows of test images.
 */
final class DenoisingQuality {

    /** Test images shown in the picture. */
    private static final int SHOWN = 10;

    /** One epoch's figures. */
    record Epoch(int epoch, double loss, double testPsnr, double examplesPerSecond, double trainSeconds) {
    }

    /** The content of {@code metrics.json}. */
    record Metrics(String model, double noiseFactor, int epochs, int batchSize, double trainSeconds,
            double noisyPsnr, double boxFilterPsnr, double denoisedPsnr, List<Epoch> history) {
    }

    private DenoisingQuality() {
    }

    static QualityResult run(QualitySettings settings, PrintStream out) throws IOException {
        long start = System.nanoTime();
        ZooModel model = ModelZoo.create("autoencoder", Map.of("seed", settings.seed()));
        double noiseFactor = ((ConvAutoencoder.Architecture) model.architecture()).noiseFactor();
        int epochs = settings.epochs() != null ? settings.epochs() : model.defaultTraining().epochs();
        int batchSize = model.defaultTraining().batchSize();
        FashionMnistData data = new FashionMnistData(settings.data());
        List<INDArray> train = features(data.trainBatches(batchSize, Integer.MAX_VALUE, settings.seed()));
        List<INDArray> clean = features(data.testBatches(batchSize, Integer.MAX_VALUE));
        Random random = Nd4j.getRandomFactory().getNewRandomInstance(settings.seed() + 1);
        List<INDArray> noisy = new ArrayList<>();
        for (INDArray batch : clean) {
            noisy.add(DenoisingEvaluation.addNoise(batch, noiseFactor, random));
        }
        long pixels = data.testSize() * 28L * 28L;

        try (RunFolder run = RunFolder.start(settings.out());
                DenoisingFit fit = fit(settings, model.build(), train, noiseFactor, batchSize,
                        run.resolve("export").toUri().toString(), epochs)) {
            out.printf(Locale.ROOT, "training autoencoder on %d images with noise factor %.2f (%d test images), "
                    + "%d epochs, %s, minibatches of %d%n", data.trainSize(), noiseFactor, data.testSize(),
                    epochs, fit instanceof SparkDenoisingFit spark ? spark.workers()
                            + " workers with parameter averaging" : "in this JVM", batchSize);
            EpochLine progress = new EpochLine(out, epochs, data.trainSize());
            List<Epoch> history = new ArrayList<>();
            double trainSeconds = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                double loss = fit.fitEpoch(epoch);
                double epochTrain = (System.nanoTime() - epochStart) / 1e9;
                trainSeconds += epochTrain;
                double psnr = ImageQuality.psnr(squaredError(fit.network(), noisy, clean) / pixels);
                Epoch report = new Epoch(epoch, loss, psnr, data.trainSize() / epochTrain, epochTrain);
                history.add(report);
                Json.appendLine(run.resolve(TrainJob.HISTORY_FILE), report);
                progress.print(epoch, String.format(Locale.ROOT, "loss %.5f  test PSNR %.2f dB", report.loss(), psnr),
                        epochTrain, (System.nanoTime() - epochStart) / 1e9);
            }
            ComputationGraph network = fit.network();
            FileTrees.delete(run.resolve("export"));
            double noisyPsnr = ImageQuality.psnr(sum(noisy, clean, false) / pixels);
            double boxPsnr = ImageQuality.psnr(sum(noisy, clean, true) / pixels);
            double denoisedPsnr = history.get(history.size() - 1).testPsnr();
            ModelSerializer.writeModel(network, run.resolve(TrainJob.MODEL_FILE).toFile(), true);
            RunInfo.write(run.resolve(RunInfo.FILE), RunInfo.ofImageModel(model.name(), settings.data(),
                    settings.strategy().option(), epochs, batchSize, settings.seed(), run.resolve(TrainJob.MODEL_FILE)));
            Json.write(run.resolve(TrainJob.METRICS_FILE), new Metrics(model.name(), noiseFactor, epochs, batchSize,
                    trainSeconds, noisyPsnr, boxPsnr, denoisedPsnr, history));
            INDArray shownNoisy = noisy.get(0).get(NDArrayIndex.interval(0, SHOWN));
            INDArray shownClean = clean.get(0).get(NDArrayIndex.interval(0, SHOWN));
            ImageGrid.write(run.resolve("denoising.png"),
                    List.of(shownNoisy, network.outputSingle(false, shownNoisy), shownClean));
            Path folder = Path.of(run.commit());
            out.printf(Locale.ROOT, "test PSNR: noisy input %.2f dB, 3x3 box filter %.2f dB, denoised %.2f dB; "
                    + "run folder: %s (denoising.png: noisy, denoised, clean rows)%n", noisyPsnr, boxPsnr,
                    denoisedPsnr, folder);
            return new QualityResult(model.name(), List.of(new Figure("denoised test PSNR", denoisedPsnr,
                    QualityTargets.DENOISED_PSNR, "dB")), (System.nanoTime() - start) / 1e9, folder);
        }
    }

    private static DenoisingFit fit(QualitySettings settings, ComputationGraph network, List<INDArray> train,
            double noiseFactor, int batchSize, String exportDirectory, int epochs) {
        if (settings.strategy() == Strategy.SINGLE_JVM) {
            return new LocalDenoisingFit(network, train, noiseFactor, settings.seed(),
                    new IterationProgress(System.out, epochs, train.size(), IterationProgress.DEFAULT_INTERVAL));
        }
        if (settings.strategy() != Strategy.PARAMETER_AVERAGING) {
            throw new InvalidSettingException("--strategy", "the autoencoder trains in one JVM or with "
                    + "parameter averaging, not with " + settings.strategy().option());
        }
        return new SparkDenoisingFit(network, train, noiseFactor, settings.seed(), batchSize, settings.master(),
                settings.workers(), exportDirectory);
    }

    private static List<INDArray> features(List<DataSet> batches) {
        return new ArrayList<>(batches.stream().map(DataSet::getFeatures).toList());
    }

    private static double squaredError(ComputationGraph network, List<INDArray> noisy, List<INDArray> clean) {
        double sum = 0;
        for (int i = 0; i < noisy.size(); i++) {
            sum += ImageQuality.squaredError(network.outputSingle(false, noisy.get(i)), clean.get(i));
        }
        return sum;
    }

    /** Squared error of the noisy images, or of their box-filtered version, against the clean ones. */
    private static double sum(List<INDArray> noisy, List<INDArray> clean, boolean boxFilter) {
        double sum = 0;
        for (int i = 0; i < noisy.size(); i++) {
            INDArray input = boxFilter ? ImageQuality.boxFilter3x3(noisy.get(i)) : noisy.get(i);
            sum += ImageQuality.squaredError(input, clean.get(i));
        }
        return sum;
    }
}
