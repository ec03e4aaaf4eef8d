package org.dlspark.train.sharing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
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
    public EpochTrainer trainer(TrainingSite site, ComputationGraph network, RunBatches batches, Objective objective,
            TrainSettings settings, Path stalls, PrintStream out) {
        return new MeshAveragingTrainer(site.spark(), network, site.onExecutors(batches), objective, site.workers(), settings,
                stalls, out);
    }
}
