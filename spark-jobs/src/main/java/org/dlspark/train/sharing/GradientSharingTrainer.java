package org.dlspark.train.sharing;

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
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import scala.reflect.ClassTag$;

/**
 * Trains data-parallel over Spark executors by gradient sharing: each epoch is one Spark barrier stage whose
 * workers exchange threshold-encoded updates every iteration over Aeron ({@link SharingStage}), so that they
 * stay in step without a parameter server. Between epochs the driver takes worker 0's parameters (after checking
 * every worker holds the same), averages the workers' updater states and keeps each worker's residual for the
 * next epoch. The test set is evaluated on the executors. Spark does not retry a failed barrier stage, so when a
 * worker is lost (its executor died) the epoch is run again from its start, up to {@link #EPOCH_ATTEMPTS} times:
 * the driver's state changes only when an epoch completes, so the retried epoch computes what the first would have.
 */
public final class GradientSharingTrainer extends EpochTrainer {

    /** How many times an epoch's barrier stage is run before the job fails. */
    static final int EPOCH_ATTEMPTS = 3;

    private final JavaSparkContext spark;
    private final ComputationGraph network;
    private final DistributedBatches batches;
    private final SparkComputationGraph evaluator;
    private final int workers;
    private final int batchSize;
    private final SharingSettings settings;
    private final long seed;
    private final int epochs;
    private final IterationProfile.Timer timer = new IterationProfile.Timer();
    private float[][] residuals;
    private double lastLoss;
    private long bytesSent;
    private long iterations;

    /**
     * @param workers data-parallel workers: Spark must be able to run that many tasks at once
     * @param epochs the run's epoch count, for progress lines
     */
    public GradientSharingTrainer(JavaSparkContext spark, ComputationGraph network, Batches batches, int workers, int batchSize, SharingSettings settings, long seed, int epochs) {
        this.spark = spark;
        this.network = network;
        this.batches = DistributedBatches.of(spark, batches, workers);
        this.evaluator = new SparkComputationGraph(spark, network, null);
        this.workers = workers;
        this.batchSize = batchSize;
        this.settings = settings;
        this.seed = seed;
        this.epochs = epochs;
        this.residuals = new float[workers][];
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
                System.out.printf(Locale.ROOT, "epoch %d: the gradient-sharing stage failed (%s); running the epoch "
                        + "again from its start, attempt %d of %d%n", epoch, firstLine(e), attempt + 1,
                        EPOCH_ATTEMPTS);
            }
        }
    }

    private static String firstLine(Throwable e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
    }

    private void runEpoch(int epoch) {
        Broadcast<NetworkState> state = spark.broadcast(NetworkState.of(network));
        Broadcast<float[][]> unsent = spark.broadcast(residuals);
        List<WorkerOutcome> outcomes;
        try (Rendezvous rendezvous = openRendezvous()) {
            outcomes = new ArrayList<>(batches.train().rdd().barrier()
                    .mapPartitions(new SharingStage(state, unsent, settings, seed, epochs, rendezvous.address()),
                            false, ClassTag$.MODULE$.apply(WorkerOutcome.class))
                    .toJavaRDD().collect());
        } finally {
            state.destroy();
            unsent.destroy();
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
        network.params().assign(first.parameters());
        INDArray updaterState = network.getUpdater().getStateViewArray();
        if (updaterState != null) {
            updaterState.assign(0);
            outcomes.forEach(outcome -> updaterState.addi(outcome.updaterState()));
            updaterState.divi(outcomes.size());
        }
        network.getConfiguration().setIterationCount(network.getConfiguration().getIterationCount()
                + first.iterations());
        residuals = outcomes.stream().map(WorkerOutcome::residual).toArray(float[][]::new);
        lastLoss = outcomes.stream().mapToDouble(WorkerOutcome::lossSum).sum()
                / Math.max(1, outcomes.stream().mapToInt(WorkerOutcome::minibatches).sum());
        bytesSent += outcomes.stream().mapToLong(WorkerOutcome::bytesSent).sum();
        iterations += first.iterations();
        outcomes.forEach(outcome -> timer.add(outcome.timer()));
    }

    /** Where the workers' iterations spent their time so far, or null before the first. */
    public IterationProfile profile() {
        return timer.profile();
    }

    /** What the workers sent so far, against dense updates. */
    public Communication traffic() {
        return Communication.of(bytesSent, workers, workers - 1, iterations, network.numParams());
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
