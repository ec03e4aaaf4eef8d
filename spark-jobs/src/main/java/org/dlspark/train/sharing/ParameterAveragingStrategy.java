package org.dlspark.train.sharing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.dlspark.train.Replica;
import org.dlspark.train.RunBatches;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.Objective;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.TrainingSite;

/**
 * Data-parallel over Spark executors, parameters and updater state averaged among the workers every few
 * minibatches ({@link MeshAveragingTrainer}).
 */
public final class ParameterAveragingStrategy extends MeshStrategy {

    @Override
    public String describe(TrainingSite site, TrainSettings settings) {
        return String.format(Locale.ROOT, "%d workers on %s, parameter averaging every %d minibatches of %d (over "
                + "Aeron)", site.workers(), site.master(), settings.averagingFrequency(),
                settings.workerBatch(site.workers()));
    }

    @Override
    public EpochTrainer trainer(TrainingSite site, Replica replica, RunBatches batches, Objective objective,
            TrainSettings settings, Path stalls, PrintStream out) {
        return new MeshAveragingTrainer(site.spark(), replica, site.onExecutors(batches), objective, site.workers(), settings,
                stalls, out);
    }
}
