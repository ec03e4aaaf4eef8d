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

/** Data-parallel over Spark executors, sparse updates exchanged every minibatch ({@link GradientSharingTrainer}). */
public final class GradientSharingStrategy extends MeshStrategy {

    @Override
    public String describe(TrainingSite site, TrainSettings settings) {
        return String.format(Locale.ROOT, "%d workers on %s, gradient sharing (%s of the update per minibatch "
                + "of %d%s, over Aeron)", site.workers(), site.master(), settings.sharing().describeDensity(),
                settings.workerBatch(site.workers()), settings.globalBatch() == null ? ""
                        : ", " + settings.globalBatch() + " examples per round in all");
    }

    @Override
    public EpochTrainer trainer(TrainingSite site, Replica replica, RunBatches batches, Objective objective,
            TrainSettings settings, Path stalls, PrintStream out) {
        return new GradientSharingTrainer(site.spark(), replica, site.onExecutors(batches), objective, site.workers(), settings,
                stalls, out);
    }
}
