package org.dlspark.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlspark.eval.ClassMetrics;
import org.dlspark.eval.ClassificationReport;
import org.dlspark.eval.DenoisingEvaluation;
import org.dlspark.eval.GanEvaluation;
import org.dlspark.eval.GanFigures;
import org.dlspark.train.EarlyStopping;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.LearningRateSchedule;
import org.dlspark.train.TestFigures;
import org.dlspark.train.TrainJob;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.sharing.MeshAveragingTrainer;
import org.dlspark.train.sharing.SharingSettings;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/**
 * The quality of a family: the {@code train} job run with the chosen strategy, then its test figures against the
 * zoo's targets: a classifier's accuracy (and spam F1), the autoencoder's denoised PSNR, and how confidently and how
 * evenly a trained classifier recognises the GAN's samples.
 */
final class TrainedQuality {

    private TrainedQuality() {
    }

    static QualityResult run(QualitySettings settings, PrintStream out) throws IOException {
        long start = System.nanoTime();
        ZooModel model = ModelZoo.create(settings.model());
        int epochs = settings.epochs() != null ? settings.epochs()
                : QualityTargets.EPOCHS.getOrDefault(settings.model(), model.defaultTraining().epochs());
        TrainSettings train = new TrainSettings(settings.model(), Map.of(), settings.strategy(), settings.data(),
                settings.out().toString(), epochs, model.defaultTraining().batchSize(), null, settings.workers(),
                MeshAveragingTrainer.DEFAULT_FREQUENCY, SharingSettings.DEFAULTS, settings.seed(), Integer.MAX_VALUE,
                Integer.MAX_VALUE, EarlyStopping.OFF,
                QualityTargets.SCHEDULES.getOrDefault(settings.model(), LearningRateSchedule.CONSTANT), false, false,
                TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false, classifier(settings));
        TrainJob.Outcome outcome = new TrainJob(train, settings.master(), out).run();
        return new QualityResult(settings.model(), figures(settings.model(), outcome.metrics().test()), (System.nanoTime() - start) / 1e9,
                Path.of(outcome.folder()));
    }

    /** The test figures that have targets. */
    private static List<Figure> figures(String model, TestFigures test) {
        if (test instanceof ClassificationReport report) {
            return classifier(model, report);
        }
        if (test instanceof DenoisingEvaluation.Result denoising) {
            return List.of(new Figure("denoised test PSNR", denoising.denoisedPsnr(), QualityTargets.DENOISED_PSNR,
                    "dB"));
        }
        GanEvaluation.Result judged = ((GanFigures) test).judged();
        return List.of(new Figure("mean top-class probability", judged.meanTopProbability(),
                QualityTargets.MEAN_TOP_PROBABILITY, ""),
                new Figure("class entropy", judged.classEntropy(), QualityTargets.CLASS_ENTROPY, ""));
    }

    /**
     * The classifier that judges the GAN's samples: its run folder.
     *
     * @throws InvalidSettingException naming {@code --classifier} when the GAN is given none
     */
    private static String classifier(QualitySettings settings) {
        if (!settings.model().equals("gan")) {
            return null;
        }
        if (settings.classifier() == null) {
            throw new InvalidSettingException("--classifier", "gan is judged by a trained Fashion-MNIST classifier: "
                    + "give its run folder (for example from 'dlspark quality --model cnn')");
        }
        return settings.classifier().toString();
    }

    /** A classifier's test accuracy, and its spam F1 where the zoo sets a target for it. */
    private static List<Figure> classifier(String model, ClassificationReport test) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("test accuracy", test.accuracy(), QualityTargets.ACCURACY.get(model), ""));
        Double spamTarget = QualityTargets.SPAM_F1.get(model);
        if (spamTarget != null) {
            double spamF1 = test.perClass().stream().filter(c -> c.name().equals("spam"))
                    .mapToDouble(ClassMetrics::f1).findFirst().orElseThrow();
            figures.add(new Figure("spam F1", spamF1, spamTarget, ""));
        }
        return figures;
    }
}
