package org.dlspark.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlspark.eval.ClassMetrics;
import org.dlspark.train.EarlyStopping;
import org.dlspark.train.LearningRateSchedule;
import org.dlspark.train.TrainJob;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.sharing.MeshAveragingTrainer;
import org.dlspark.train.sharing.SharingSettings;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;

/** The quality of a classifier family: the {@code train} job in this JVM, its test accuracy (and spam F1). */
final class ClassifierQuality {

    private ClassifierQuality() {
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
                TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false);
        TrainJob.Outcome outcome = new TrainJob(train, settings.master(), out).run();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("test accuracy", outcome.metrics().test().accuracy(),
                QualityTargets.ACCURACY.get(settings.model()), ""));
        Double spamTarget = QualityTargets.SPAM_F1.get(settings.model());
        if (spamTarget != null) {
            double spamF1 = outcome.metrics().test().perClass().stream().filter(c -> c.name().equals("spam"))
                    .mapToDouble(ClassMetrics::f1).findFirst().orElseThrow();
            figures.add(new Figure("spam F1", spamF1, spamTarget, ""));
        }
        return new QualityResult(settings.model(), figures, (System.nanoTime() - start) / 1e9,
                Path.of(outcome.folder()));
    }
}
