package org.dlspark.quality;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.data.FashionMnist;
import org.dlspark.data.FashionMnistData;
import org.dlspark.io.Json;
import org.dlspark.eval.GanEvaluation;
import org.dlspark.plot.ImageGrid;
import org.dlspark.run.RunFolder;
import org.dlspark.run.RunInfo;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.Strategy;
import org.dlspark.train.IterationProgress;
import org.dlspark.train.TrainJob;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.gan.GanTraining;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The quality of the GAN: trained in this JVM on the Fashion-MNIST training images, then judged by a trained
 * Fashion-MNIST classifier on 1,000 samples: how confident it is (mean top-class probability) and how evenly the
 * samples spread over the ten classes (entropy of the predicted-class histogram; a collapsed generator scores
 * low). The same 1,000 noise vectors are judged after every epoch, so the history shows the trend; the last epoch's
 * judgement is the result. Writes {@code samples.png} (8x8 samples) and {@code samples-epoch-N.png} from fixed
 * noise after each epoch.
 */
final class GanQuality {

    private static final int JUDGED = 1000;
    private static final int GRID = 8;

    /** One epoch's mean losses and the classifier's judgement of the samples after it. */
    record Epoch(int epoch, double discriminatorLoss, double generatorLoss, double meanTopProbability,
            double classEntropy, double examplesPerSecond, double trainSeconds) {
    }

    /** What the classifier makes of a set of samples. */
    private record Judgement(double meanTopProbability, double classEntropy, Map<String, Long> classHistogram) {
    }

    /** The content of {@code metrics.json}. */
    record Metrics(String model, int epochs, int batchSize, double trainSeconds, String classifier, int judged,
            double meanTopProbability, double classEntropy, Map<String, Long> classHistogram, List<Epoch> history) {
    }

    private GanQuality() {
    }

    static QualityResult run(QualitySettings settings, PrintStream out) throws IOException {
        long start = System.nanoTime();
        ComputationGraph classifier = loadClassifier(settings.classifier());
        ZooModel model = ModelZoo.create("gan", Map.of("seed", settings.seed()));
        int epochs = settings.epochs() != null ? settings.epochs()
                : QualityTargets.EPOCHS.getOrDefault(model.name(), model.defaultTraining().epochs());
        int batchSize = model.defaultTraining().batchSize();
        FashionMnistData data = new FashionMnistData(settings.data());
        List<INDArray> train = new ArrayList<>(data.trainBatches(batchSize, Integer.MAX_VALUE, settings.seed())
                .stream().map(DataSet::getFeatures).toList());

        try (RunFolder run = RunFolder.start(settings.out());
                GanFit fit = fit(settings, new GanTraining(model, model.build()), train, epochs)) {
            out.printf(Locale.ROOT, "training gan on %d images, %d epoch%s, %s, minibatches of %d%n",
                    data.trainSize(), epochs, epochs == 1 ? "" : "s", fit instanceof SparkGanFit spark ? spark.workers()
                            + " workers with parameter averaging every " + SparkGanFit.AVERAGING_FREQUENCY + " steps"
                            : "in this JVM", batchSize);
            GanTraining training = fit.training();
            INDArray gridNoise = training.noise(GRID * GRID);
            INDArray judgedNoise = training.noise(JUDGED);
            Judgement judged = null;
            EpochLine progress = new EpochLine(out, epochs, data.trainSize());
            List<Epoch> history = new ArrayList<>();
            double trainSeconds = 0;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                GanTraining.Losses losses = fit.fitEpoch(epoch);
                double epochTrain = (System.nanoTime() - epochStart) / 1e9;
                trainSeconds += epochTrain;
                judged = judge(classifier, training.generate(judgedNoise));
                Epoch report = new Epoch(epoch, losses.discriminator(), losses.generator(),
                        judged.meanTopProbability(), judged.classEntropy(), data.trainSize() / epochTrain,
                        epochTrain);
                history.add(report);
                Json.appendLine(run.resolve(TrainJob.HISTORY_FILE), report);
                ImageGrid.writeSquare(run.resolve("samples-epoch-" + epoch + ".png"), training.generate(gridNoise),
                        GRID);
                progress.print(epoch, String.format(Locale.ROOT, "discriminator loss %.4f  generator loss %.4f  "
                        + "samples: mean top-class probability %.4f, class entropy %.4f", report.discriminatorLoss(),
                        report.generatorLoss(), judged.meanTopProbability(), judged.classEntropy()), epochTrain,
                        (System.nanoTime() - epochStart) / 1e9);
            }
            ImageGrid.writeSquare(run.resolve("samples.png"), training.generate(gridNoise), GRID);
            double meanTop = judged.meanTopProbability();
            double entropy = judged.classEntropy();
            Map<String, Long> histogram = judged.classHistogram();
            ModelSerializer.writeModel(training.network(), run.resolve(TrainJob.MODEL_FILE).toFile(), true);
            RunInfo.write(run.resolve(RunInfo.FILE), RunInfo.ofImageModel(model.name(), settings.data(),
                    settings.strategy().option(), epochs, batchSize, settings.seed(), run.resolve(TrainJob.MODEL_FILE)));
            Json.write(run.resolve(TrainJob.METRICS_FILE), new Metrics(model.name(), epochs, batchSize, trainSeconds,
                    settings.classifier().toString(), JUDGED, meanTop, entropy, histogram, history));
            Path folder = Path.of(run.commit());
            out.printf(Locale.ROOT, "classifier on %d samples: mean top-class probability %.4f, class entropy %.4f "
                    + "(ln 10 = %.4f), classes %s; run folder: %s (samples.png)%n", JUDGED, meanTop, entropy,
                    Math.log(10), histogram, folder);
            return new QualityResult(model.name(), List.of(
                    new Figure("mean top-class probability", meanTop, QualityTargets.MEAN_TOP_PROBABILITY, ""),
                    new Figure("class entropy", entropy, QualityTargets.CLASS_ENTROPY, "")),
                    (System.nanoTime() - start) / 1e9, folder);
        }
    }

    private static GanFit fit(QualitySettings settings, GanTraining training, List<INDArray> train, int epochs) {
        if (settings.strategy() == Strategy.SINGLE_JVM) {
            return new LocalGanFit(training, train, settings.seed(),
                    new IterationProgress(System.out, epochs, train.size(), IterationProgress.DEFAULT_INTERVAL));
        }
        if (settings.strategy() != Strategy.PARAMETER_AVERAGING) {
            throw new InvalidSettingException("--strategy", "the gan trains in one JVM or with parameter "
                    + "averaging, not with " + settings.strategy().option());
        }
        return new SparkGanFit(training, train, settings.seed(), settings.master(), settings.workers());
    }

    private static ComputationGraph loadClassifier(Path file) throws IOException {
        if (file == null) {
            throw new InvalidSettingException("--classifier", "gan is judged by a trained Fashion-MNIST classifier: "
                    + "give its model.zip (for example from 'dlspark quality --model cnn')");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingException("--classifier", file + ": no such file");
        }
        ComputationGraph classifier = restore(new File(file.toString()));
        long outputs = classifier.getConfiguration().getNetworkOutputs().size();
        if (outputs != 1) {
            throw new InvalidSettingException("--classifier", file + ": not a single-output classifier");
        }
        return classifier;
    }

    /** A saved graph, or a saved multi-layer network turned into a graph. */
    private static ComputationGraph restore(File file) throws IOException {
        String configuration;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file)) {
            java.util.zip.ZipEntry entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new InvalidSettingException("--classifier", file + ": not a DL4J model file");
            }
            configuration = new String(zip.getInputStream(entry).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        return configuration.contains("\"vertices\"") ? ModelSerializer.restoreComputationGraph(file, false)
                : ModelSerializer.restoreMultiLayerNetwork(file, false).toComputationGraph();
    }

    private static Judgement judge(ComputationGraph classifier, INDArray samples) {
        INDArray probabilities = classifier.outputSingle(false, samples);
        Map<String, Long> histogram = histogram(probabilities);
        return new Judgement(probabilities.max(1).meanNumber().doubleValue(),
                GanEvaluation.entropy(new ArrayList<>(histogram.values()), (int) samples.size(0)), histogram);
    }

    /** How many samples the classifier puts in each class, by class name. */
    private static Map<String, Long> histogram(INDArray probabilities) {
        Map<String, Long> counts = new LinkedHashMap<>();
        FashionMnist.CLASS_NAMES.forEach(name -> counts.put(name, 0L));
        INDArray predicted = probabilities.argMax(1);
        for (int i = 0; i < predicted.length(); i++) {
            counts.merge(FashionMnist.CLASS_NAMES.get(predicted.getInt(i)), 1L, Long::sum);
        }
        return counts;
    }
}
