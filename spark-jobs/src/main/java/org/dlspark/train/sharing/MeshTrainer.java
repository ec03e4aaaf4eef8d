package org.dlspark.train.sharing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.dlspark.train.Communication;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.ExecutorBatches;
import org.dlspark.spark.ExecutorThreadDumps;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.IterationProgress;
import org.dlspark.train.Objective;
import org.dlspark.train.PairSeeds;
import org.dlspark.train.PairedBatches;
import org.dlspark.train.Replica;
import org.dlspark.train.TrainSettings;
import org.dlspark.train.TrainingDivergedException;
import org.dlspark.train.TrainingStalledException;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag$;

/**
 * Trains data-parallel over Spark executors whose workers talk to each other directly: each epoch is one Spark
 * barrier stage ({@link MeshStage}) in which every worker keeps its replica of the network for the whole epoch and
 * exchanges with its peers over Aeron what its {@link MeshWork} says. Between epochs the driver takes worker 0's
 * parameters, after checking that every worker holds the same and that the run has not diverged. The test set is
 * evaluated on the executors. Spark does not retry a failed barrier stage, so when a worker is lost (its executor
 * died) the epoch is run again from its start, up to {@link #EPOCH_ATTEMPTS} times: the driver's state changes only
 * when an epoch completes, so the retried epoch computes what the first would have.
 * <p>
 * The workers report every iteration to the driver ({@link StageMonitor}), which prints worker 0's progress. When
 * none finishes an iteration for the stall timeout, the {@link StallWatchdog} takes the executors' thread dumps into
 * the run folder, cancels the stage and the epoch is run again; a second stall in the same epoch ends the job with
 * a {@link TrainingStalledException} naming the suspected worker.
 */
public abstract class MeshTrainer extends EpochTrainer {

    /** How many times an epoch's barrier stage is run before the job fails. */
    static final int EPOCH_ATTEMPTS = 3;
    /** How long the driver waits for an executor's thread dump. */
    private static final Duration DUMP_WAIT = Duration.ofSeconds(10);

    private final JavaSparkContext spark;
    private final Replica replica;
    private final ExecutorBatches batches;
    private final Objective objective;
    private final long seed;
    private final SparkComputationGraph evaluator;
    private final int workers;
    private final int batchSize;
    private final SharingSettings sharing;
    private final int epochs;
    private final Path stalls;
    private final PrintStream out;
    private final IterationProfile.Timer timer = new IterationProfile.Timer();
    private final IterationTimes iterationTimes = new IterationTimes();
    private final List<Broadcast<?>> epochBroadcasts = new ArrayList<>();
    private IterationProgress progress;
    private volatile Stall stall;
    private volatile List<Rendezvous.Member> lastMeeting = List.of();
    private double lastLoss;
    private long bytesSent;
    private long rejected;
    private long iterations;

    /**
     * @param objective what the network fits and is scored by
     * @param workers data-parallel workers: Spark must be able to run that many tasks at once
     * @param settings the run's minibatch size, epochs, seed, and how long a worker waits for a peer and the driver
     *     for any worker's iteration
     * @param stalls where the thread dumps of a stalled epoch go
     * @param out takes the progress lines
     */
    protected MeshTrainer(JavaSparkContext spark, Replica replica, ExecutorBatches batches,
            Objective objective, int workers, TrainSettings settings, Path stalls, PrintStream out) {
        this.spark = spark;
        this.replica = replica;
        this.batches = batches;
        this.objective = objective;
        this.seed = settings.seed();
        this.evaluator = new SparkComputationGraph(spark, replica.model(), null);
        this.workers = workers;
        this.batchSize = settings.batchSize();
        this.sharing = settings.sharing();
        this.epochs = settings.epochs();
        this.stalls = stalls;
        this.out = out;
    }

    /** What every worker does in the coming epoch; broadcasts it needs come from {@link #broadcastForEpoch}. */
    protected abstract MeshWork work();

    /**
     * Takes the updater states (and whatever else the strategy keeps between epochs) from the workers' outcomes,
     * sorted by rank, into {@code replica}; the parameters and counters are taken already.
     */
    protected abstract void adoptState(List<WorkerOutcome> outcomes, Replica replica);

    /** Ships {@code value} to the executors for the coming epoch only. */
    protected final <T> Broadcast<T> broadcastForEpoch(T value) {
        Broadcast<T> broadcast = spark.broadcast(value);
        epochBroadcasts.add(broadcast);
        return broadcast;
    }

    /** The number of workers. */
    protected final int workers() {
        return workers;
    }

    /**
     * Runs the epoch's stage until it completes: again after a lost worker (up to {@link #EPOCH_ATTEMPTS} failures)
     * and once more after a stall.
     */
    @Override
    protected void fitEpoch(int epoch) {
        int failures = 0;
        boolean stalledBefore = false;
        for (int attempt = 1; ; attempt++) {
            try {
                runEpoch(epoch, attempt);
                return;
            } catch (Exception e) {
                Stall stalled = stall;
                stall = null;
                if (stalled != null) {
                    if (stalledBefore) {
                        throw new TrainingStalledException(stalled.verdict() + "; it stalled twice, so the job ends");
                    }
                    stalledBefore = true;
                    out.printf(Locale.ROOT, "epoch %d: %s; running the epoch again from its start%n", epoch,
                            stalled.verdict());
                    continue;
                }
                if (!(e instanceof SparkException) || ++failures == EPOCH_ATTEMPTS) {
                    throw e;
                }
                out.printf(Locale.ROOT, "epoch %d: the workers' stage failed (%s); running the epoch again from its "
                        + "start, attempt %d of %d%n", epoch, firstLine(e), failures + 1, EPOCH_ATTEMPTS);
            }
        }
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    private void runEpoch(int epoch, int attempt) {
        List<WorkerOutcome> outcomes;
        String group = "dlspark-epoch-" + epoch + "-attempt-" + attempt;
        StageMonitor monitor = new StageMonitor(iterations -> progress(epoch, iterations), iterationTimes);
        try (Rendezvous rendezvous = openRendezvous(monitor);
                StallWatchdog watchdog = new StallWatchdog(monitor, sharing.stall(), iterationTimes,
                        limit -> onStall(monitor, limit, epoch, attempt, group))) {
            Broadcast<List<NetworkState>> state = broadcastForEpoch(replica.networks().stream()
                    .map(NetworkState::of).toList());
            spark.setJobGroup(group, "epoch " + epoch + ", attempt " + attempt, false);
            outcomes = new ArrayList<>(batches.workers(epoch).rdd().barrier()
                    .mapPartitions(new MeshStage(state, work(), sharing.timeout(), rendezvous.address(),
                            MeshPieces.newSecret(), objective, seed), false,
                            ClassTag$.MODULE$.apply(WorkerOutcome.class))
                    .toJavaRDD().collect());
        } finally {
            if (!monitor.members().isEmpty()) {
                lastMeeting = monitor.members();
            }
            spark.clearJobGroup();
            epochBroadcasts.forEach(Broadcast::destroy);
            epochBroadcasts.clear();
        }
        stall = null;
        outcomes.sort(Comparator.comparingInt(WorkerOutcome::rank));
        adopt(outcomes, epoch);
    }

    /** The run's progress lines, started on epoch {@code epoch} of {@code iterations}. */
    private IterationProgress progress(int epoch, int iterations) {
        if (progress == null) {
            progress = new IterationProgress(out, epochs, iterations, IterationProgress.DEFAULT_INTERVAL);
        }
        progress.epochStarted(epoch);
        return progress;
    }

    /** Takes the executors' thread dumps, records the stall and cancels the stage, whose job then fails. */
    private void onStall(StageMonitor monitor, double limitSeconds, int epoch, int attempt, String group) {
        Path folder = stalls.resolve("epoch-" + epoch + "-attempt-" + attempt);
        Set<String> silent = Set.of();
        try {
            silent = ExecutorThreadDumps.write(executors(monitor), folder, DUMP_WAIT);
        } catch (IOException e) {
            LoggerFactory.getLogger(MeshTrainer.class).error("cannot write the thread dumps to " + folder, e);
        } finally {
            stall = Stall.of(epoch, limitSeconds, monitor, lastMeeting, silent, folder);
            spark.cancelJobGroup(group);
        }
    }

    /** The executors of the stage's workers, or every executor of the application before they have met. */
    private Collection<String> executors(StageMonitor monitor) {
        if (!monitor.members().isEmpty()) {
            return monitor.members().stream().map(Rendezvous.Member::executor).distinct().toList();
        }
        List<String> all = JavaConverters.seqAsJavaList(spark.sc().getExecutorIds());
        return all.isEmpty() ? List.of("driver") : all;
    }

    /** A rendezvous where Spark's own driver endpoint listens, reached by the name the executors know it by. */
    private Rendezvous openRendezvous(Rendezvous.Listener listener) {
        SparkConf conf = spark.getConf();
        String host = conf.get("spark.driver.host");
        return Rendezvous.open(workers, conf.get("spark.driver.bindAddress", host), host, listener);
    }

    private void adopt(List<WorkerOutcome> outcomes, int epoch) {
        WorkerOutcome first = outcomes.get(0);
        for (WorkerOutcome outcome : outcomes) {
            if (outcome.parametersHash() != first.parametersHash()) {
                throw new GradientSharingException("worker " + outcome.rank()
                        + "'s parameters differ from worker 0's after epoch " + epoch);
            }
        }
        if (first.watch() != null && first.watch().verdict() != null) {
            throw new TrainingDivergedException(first.watch().verdict());
        }
        for (int i = 0; i < replica.networks().size(); i++) {
            ComputationGraph network = replica.networks().get(i);
            network.params().assign(first.parameters().get(i));
            network.getConfiguration().setIterationCount(first.iterationCounts()[i]);
        }
        adoptState(outcomes, replica);
        lastLoss = WorkerOutcome.meanLoss(outcomes);
        bytesSent += outcomes.stream().mapToLong(WorkerOutcome::bytesSent).sum();
        rejected += outcomes.stream().mapToLong(WorkerOutcome::rejected).sum();
        iterations += first.iterations();
        outcomes.forEach(outcome -> timer.add(outcome.timer()));
    }

    /** Where the workers' iterations spent their time so far, or null before the first. */
    @Override
    public IterationProfile profile() {
        return timer.profile();
    }

    @Override
    public List<String> report() {
        List<String> lines = new ArrayList<>(List.of(describe(communication())));
        IterationProfile profile = profile();
        if (profile != null) {
            lines.add(profile.describe());
        }
        if (rejected > 0) {
            lines.add(String.format(Locale.ROOT, "the workers dropped %d pieces that failed the mesh's checks "
                    + "(unsigned, altered, cut short, stale or repeated)", rejected));
        }
        return lines;
    }

    /** One line that says what {@code traffic} means for this strategy. */
    protected abstract String describe(Communication traffic);

    /** What each worker sent so far per iteration, in all its messages of {@code exchange}, against a dense update. */
    protected final Communication traffic(String exchange) {
        return Communication.of(exchange, bytesSent, workers, iterations, numParams(), rejected);
    }

    @Override
    protected double lastLoss() {
        return lastLoss;
    }

    @Override
    protected <T extends IEvaluation<?>> T evaluate(EvaluationSet set, T evaluation) {
        return evaluator.doEvaluation(pairs(batches.of(set)), batchSize, evaluation)[0];
    }

    /** The objective's evaluation pairs of a set's minibatches, their noise fixed by partition and place. */
    private JavaRDD<DataSet> pairs(JavaRDD<DataSet> evaluated) {
        Objective paired = objective;
        long runSeed = seed;
        return evaluated.mapPartitionsWithIndex((partition, minibatches) -> PairedBatches.evaluated(minibatches,
                paired, PairSeeds.ofEvaluation(runSeed, partition)), true);
    }

    @Override
    protected Objective objective() {
        return objective;
    }

    /** The parameters of every network of the replica: a dense update of all of them. */
    private long numParams() {
        return replica.networks().stream().mapToLong(ComputationGraph::numParams).sum();
    }

    @Override
    protected Replica replica() {
        return replica;
    }
}
