package org.dlspark.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Training in the driver JVM without Spark: the single-machine reference ({@link SingleJvmTrainer}). */
public final class SingleJvmStrategy implements TrainingStrategy {

    @Override
    public TrainingSite open(String application, String master, Integer workers) {
        return new ThisJvmSite();
    }

    @Override
    public String describe(TrainingSite site, TrainSettings settings) {
        return String.format(Locale.ROOT, "in this JVM, minibatches of %d", settings.workerBatch(1));
    }

    @Override
    public EpochTrainer trainer(TrainingSite site, Replica replica, RunBatches batches, Objective objective,
            TrainSettings settings, Path stalls, PrintStream out) {
        Batches here = batches.inThisJvm();
        return new SingleJvmTrainer(replica, here, objective, settings.seed(), new IterationProgress(out, settings.epochs(),
                here.train().size(), IterationProgress.DEFAULT_INTERVAL));
    }
}
