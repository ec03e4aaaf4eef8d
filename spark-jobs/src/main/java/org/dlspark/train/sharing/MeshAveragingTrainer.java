package org.dlspark.train.sharing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.train.ExecutorBatches;
import org.dlspark.train.Communication;
import org.dlspark.train.Objective;
import org.dlspark.train.Replica;
import org.dlspark.train.TrainSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains data-parallel by parameter averaging: the workers of each epoch's stage fit {@code averagingFrequency}
 * minibatches each, then average their parameters and updater states among themselves over Aeron
 * ({@link AveragingWorker}), and go on from the average. Each worker keeps its network for the whole epoch; nothing
 * passes through the driver between two averagings, which leaves the workers in the same state.
 */
public final class MeshAveragingTrainer extends MeshTrainer {

    /** Minibatches each worker fits between two averagings unless configured otherwise. */
    public static final int DEFAULT_FREQUENCY = 5;

    private final int averagingFrequency;
    private final long seed;

    /**
     * @param objective what the network fits and is scored by
     * @param workers data-parallel workers: Spark must be able to run that many tasks at once
     * @param settings the run's settings, its averaging frequency among them
     * @param stalls where the thread dumps of a stalled epoch go
     * @param out takes the progress lines
     */
    public MeshAveragingTrainer(JavaSparkContext spark, Replica replica, ExecutorBatches batches,
            Objective objective, int workers, TrainSettings settings, Path stalls, PrintStream out) {
        super(spark, replica, batches, objective, workers, settings, stalls, out);
        this.averagingFrequency = settings.averagingFrequency();
        this.seed = settings.seed();
    }

    @Override
    protected MeshWork work() {
        return AveragingWorker.work(averagingFrequency, seed);
    }

    @Override
    protected void adoptState(List<WorkerOutcome> outcomes, Replica replica) {
        for (int i = 0; i < replica.networks().size(); i++) {
            INDArray updaterState = replica.networks().get(i).getUpdater().getStateViewArray();
            if (updaterState != null) {
                updaterState.assign(outcomes.get(0).updaterStates().get(i));
            }
        }
    }

    /** What each worker sent so far per iteration, to all its peers together, against a dense update. */
    @Override
    public Communication communication() {
        return traffic("parameter averaging");
    }

    @Override
    protected String describe(Communication traffic) {
        return String.format(Locale.ROOT, "each worker sent %.0f bytes per iteration to its peers, %.2f%% of a dense "
                + "update (%d bytes)", traffic.bytesPerIteration(), 100 * traffic.ratio(), traffic.denseBytes());
    }
}
