package org.dlspark.train.sharing;

import org.dlspark.train.SparkSite;
import org.dlspark.train.TrainingSite;
import org.dlspark.train.TrainingStrategy;

/** A strategy whose workers are tasks of a Spark application started for the run, talking over the Aeron mesh. */
abstract class MeshStrategy implements TrainingStrategy {

    @Override
    public final TrainingSite open(String application, String master, Integer workers) {
        return new SparkSite(application, master, workers);
    }

    @Override
    public final boolean trainsOnSpark() {
        return true;
    }
}
