package org.dlspark.train.sharing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.train.ExecutorBatches;
import org.dlspark.train.Communication;
import org.dlspark.train.Objective;
import org.dlspark.train.Replica;
import org.dlspark.train.TrainSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains data-parallel by gradient sharing: the workers of each epoch's stage sum their threshold-encoded updates
 * every iteration over Aeron in about log2(n) pairwise exchanges ({@link SharingWorker}, {@link SparseAllReduce}),
 * so that they stay in step without a parameter server. Between
 * epochs the driver averages the workers' updater states and keeps each worker's residuals, and the run's
 * {@link DivergenceWatch}, for the next epoch.
 */
public final class GradientSharingTrainer extends MeshTrainer {

    private final SharingSettings settings;
    private final long seed;
    private float[][][] residuals;
    private DivergenceWatch watch = new DivergenceWatch();
    /** How the workers sum each network's updates, as every worker chooses it. */
    private final List<UpdateExchange> exchanges;

    /**
     * @param objective what the network fits and is scored by
     * @param workers data-parallel workers: Spark must be able to run that many tasks at once
     * @param settings the run's settings, how the workers share updates among them
     * @param stalls where the thread dumps of a stalled epoch go
     * @param out takes the progress lines
     */
    public GradientSharingTrainer(JavaSparkContext spark, Replica replica, ExecutorBatches batches,
            Objective objective, int workers, TrainSettings settings, Path stalls, PrintStream out) {
        super(spark, replica, batches, objective, workers, settings, stalls, out);
        this.settings = settings.sharing();
        this.seed = settings.seed();
        this.residuals = new float[workers][][];
        this.exchanges = replica.networks().stream().map(network -> {
            int length = Math.toIntExact(network.numParams());
            return UpdateExchange.cheapest(0, workers, length, this.settings.densityFor(length));
        }).toList();
    }

    @Override
    protected MeshWork work() {
        return SharingWorker.work(settings, broadcastForEpoch(residuals), broadcastForEpoch(watch), seed);
    }

    @Override
    protected void adoptState(List<WorkerOutcome> outcomes, Replica replica) {
        for (int i = 0; i < replica.networks().size(); i++) {
            INDArray updaterState = replica.networks().get(i).getUpdater().getStateViewArray();
            if (updaterState != null) {
                int network = i;
                updaterState.assign(0);
                outcomes.forEach(outcome -> updaterState.addi(outcome.updaterStates().get(network)));
                updaterState.divi(outcomes.size());
            }
        }
        residuals = outcomes.stream().map(WorkerOutcome::residuals).toArray(float[][][]::new);
        watch = outcomes.get(0).watch();
    }

    /** What each worker sent so far per iteration, in all its messages of the exchange, against a dense update. */
    @Override
    public Communication communication() {
        return traffic(exchanges.stream().map(UpdateExchange::name).distinct().collect(Collectors.joining(", ")));
    }

    @Override
    protected String describe(Communication traffic) {
        int rounds = exchanges.get(0).rounds();
        return String.format(Locale.ROOT, "gradient sharing: each worker sent %.0f bytes per iteration by %s (%d "
                + "exchange round%s per sum), %.2f%% of the dense update (%d bytes)", traffic.bytesPerIteration(),
                traffic.exchange(), rounds, rounds == 1 ? "" : "s", 100 * traffic.ratio(), traffic.denseBytes());
    }
}
