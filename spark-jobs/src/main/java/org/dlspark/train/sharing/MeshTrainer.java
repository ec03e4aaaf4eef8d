package org.dlspark.train.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.dlspark.train.Batches;
import org.dlspark.train.Communication;
import org.dlspark.train.DistributedBatches;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.IterationProfile;
import org.dlspark.train.TrainingDivergedException;
import org.nd4j.evaluation.classification.Evaluation;
import scala.reflect.ClassTag$;

/**
 * Trains data-parallel over Spark executors whose workers talk to each other directly: each epoch is one Spark
 * barrier stage ({@link MeshStage}) in which every worker keeps its replica of the network for the whole epoch and
 * exchanges with its peers over Aeron what its {@link MeshWork} says. Between epochs the driver takes worker 0's
 * parameters, after checking that every worker holds the same and that the run has not diverged. The test set is
 * evaluated on the executors. Spark does not retry a failed barrier stage, so when a worker is lost (its executor
 * died) the epoch is run again from its start, up to {@link #EPOCH_ATTEMPTS} times: the driver's state changes only
 * when an epoch completes, so the retried epoch computes what the first would have.
 */
public abstract class MeshTrainer extends EpochTrainer {

    /** How many times an epoch's barrier stage is run before the job fails. */
    static final int EPOCH_ATTEMPTS = 3;

    private final JavaSparkContext spark;
    private final ComputationGraph network;
    private final DistributedBatches batches;
    private final SparkComputationGraph evaluator;
    private final int workers;
    private final int batchSize;
    private final Duration timeout;
    private final int epochs;
    private final IterationProfile.Timer timer = new IterationProfile.Timer();
    private final List<Broadcast<?>> epochBroadcasts = new ArrayList<>();
    private double lastLoss;
    private long bytesSent;
    private long iterations;

    /**
     * @param workers data-parallel workers: Spark must be able to run that many tasks at once
     * @param timeout how long a worker waits for a peer before the epoch fails
     * @param epochs the run's epoch count, for progress lines
     */
    protected MeshTrainer(JavaSparkContext spark, ComputationGraph network, Batches batches, int workers,
            int batchSize, Duration timeout, int epochs) {
        this.spark = spark;
        this.network = network;
        this.batches = DistributedBatches.of(spark, batches, workers);
        this.evaluator = new SparkComputationGraph(spark, network, null);
        this.workers = workers;
        this.batchSize = batchSize;
        this.timeout = timeout;
        this.epochs = epochs;
    }

    /** What every worker does in the coming epoch; broadcasts it needs come from {@link #broadcastForEpoch}. */
    protected abstract MeshWork work();

    /**
     * Takes the updater state (and whatever else the strategy keeps between epochs) from the workers' outcomes,
     * sorted by rank, into {@code network}; the parameters are taken already.
     */
    protected abstract void adoptState(List<WorkerOutcome> outcomes, ComputationGraph network);

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

    @Override
    protected void fitEpoch(int epoch) {
        for (int attempt = 1; ; attempt++) {
            try {
                runEpoch(epoch);
                return;
            } catch (Exception e) {
                if (!(e instanceof SparkException) || attempt == EPOCH_ATTEMPTS) {
                    throw e;
                }
                System.out.printf(Locale.ROOT, "epoch %d: the workers' stage failed (%s); running the epoch "
                        + "again from its start, attempt %d of %d%n", epoch, firstLine(e), attempt + 1,
                        EPOCH_ATTEMPTS);
            }
        }
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    private void runEpoch(int epoch) {
        List<WorkerOutcome> outcomes;
        try (Rendezvous rendezvous = openRendezvous()) {
            Broadcast<NetworkState> state = broadcastForEpoch(NetworkState.of(network));
            outcomes = new ArrayList<>(batches.train().rdd().barrier()
                    .mapPartitions(new MeshStage(state, work(), timeout, epochs, rendezvous.address()), false,
                            ClassTag$.MODULE$.apply(WorkerOutcome.class))
                    .toJavaRDD().collect());
        } finally {
            epochBroadcasts.forEach(Broadcast::destroy);
            epochBroadcasts.clear();
        }
        outcomes.sort(Comparator.comparingInt(WorkerOutcome::rank));
        adopt(outcomes, epoch);
    }

    /** A rendezvous where Spark's own driver endpoint listens, reached by the name the executors know it by. */
    private Rendezvous openRendezvous() {
        SparkConf conf = spark.getConf();
        String host = conf.get("spark.driver.host");
        return Rendezvous.open(workers, conf.get("spark.driver.bindAddress", host), host);
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
        network.params().assign(first.parameters());
        adoptState(outcomes, network);
        network.getConfiguration().setIterationCount(network.getConfiguration().getIterationCount()
                + first.iterations());
        lastLoss = WorkerOutcome.meanLoss(outcomes);
        bytesSent += outcomes.stream().mapToLong(WorkerOutcome::bytesSent).sum();
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
        IterationProfile profile = profile();
        return profile == null ? List.of(describe(communication())) : List.of(describe(communication()),
                profile.describe());
    }

    /** One line that says what {@code traffic} means for this strategy. */
    protected abstract String describe(Communication traffic);

    /**
     * What the workers sent so far, against dense updates, per iteration and receiver when each worker sends to
     * {@code receivers} others.
     */
    protected final Communication traffic(int receivers) {
        return Communication.of(bytesSent, workers, receivers, iterations, network.numParams());
    }

    @Override
    protected double lastLoss() {
        return lastLoss;
    }

    @Override
    protected Evaluation evaluate(EvaluationSet set, Evaluation evaluation) {
        return evaluator.doEvaluation(batches.of(set), batchSize, evaluation)[0];
    }

    @Override
    protected ComputationGraph network() {
        return network;
    }
}
