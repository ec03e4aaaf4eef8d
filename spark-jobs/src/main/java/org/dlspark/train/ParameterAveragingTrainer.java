package org.dlspark.train;

import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.dlspark.spark.JobGroupMetrics;
import org.nd4j.evaluation.classification.Evaluation;

/**
 * Trains data-parallel over Spark executors with DL4J's parameter averaging: each worker fits
 * {@code averagingFrequency} minibatches from the current parameters, then the driver averages the workers'
 * parameters (and updater state) and broadcasts them. The test set is evaluated on the executors. What the workers
 * return to the driver ({@link #traffic}) and where a round's time goes ({@link #profile}) are measured.
 */
public final class ParameterAveragingTrainer extends EpochTrainer {

    private final JavaSparkContext spark;
    private final DistributedBatches batches;
    private final int workers;
    private final int batchSize;
    private final int averagingFrequency;
    private final long seed;
    private final String exportDirectory;
    private final int minibatchesPerEpoch;
    private final JobGroupMetrics jobs;
    private SparkComputationGraph sparkNetwork;
    private int epochsFitted;

    /**
     * @param workers number of data-parallel workers
     * @param batchSize examples per minibatch per worker; the training batches must hold this many (the last
     *     may hold fewer)
     * @param exportDirectory where DL4J stages the training minibatches for its workers (a Hadoop path) in local
     *     mode; on a cluster, whose executors need not share this file system, minibatches go to the workers
     *     directly (DL4J's "Direct" approach) instead
     */
    public ParameterAveragingTrainer(JavaSparkContext spark, ComputationGraph network, Batches batches, int workers,
            int batchSize, int averagingFrequency, long seed, String exportDirectory) {
        this.spark = spark;
        this.batches = DistributedBatches.of(spark, batches, workers);
        this.workers = workers;
        this.batchSize = batchSize;
        this.averagingFrequency = averagingFrequency;
        this.seed = seed;
        this.exportDirectory = exportDirectory;
        this.minibatchesPerEpoch = batches.train().size();
        this.jobs = JobGroupMetrics.listen(spark, "dlspark parameter averaging");
        // Each epoch gets its own training master (see fitEpoch); until then the network only evaluates.
        this.sparkNetwork = new SparkComputationGraph(spark, network, null);
    }

    private ParameterAveragingTrainingMaster master(int epoch) {
        return AveragingMasters.forEpoch(spark, workers, batchSize, averagingFrequency, seed, epoch, exportDirectory);
    }

    @Override
    protected void fitEpoch(int epoch) {
        sparkNetwork = new SparkComputationGraph(spark, sparkNetwork.getNetwork(), master(epoch));
        jobs.run(() -> sparkNetwork.fit(batches.train()));
        epochsFitted++;
        AveragingMasters.cleanUp(exportDirectory, epoch);
    }

    /** What the workers returned to the driver so far, per iteration of one worker. */
    public Communication traffic() {
        return Communication.of(jobs.totals().resultBytes(), workers, 1,
                (long) minibatchesPerEpoch * epochsFitted / workers, sparkNetwork.getNetwork().numParams());
    }

    /** Where the averaging rounds so far spent their time, or null before the first. */
    public AveragingProfile profile() {
        int minibatchesPerRound = workers * averagingFrequency;
        long roundsPerEpoch = (minibatchesPerEpoch + minibatchesPerRound - 1) / minibatchesPerRound;
        return AveragingProfile.of(jobs.totals(), roundsPerEpoch * epochsFitted, workers);
    }

    @Override
    protected double lastLoss() {
        return sparkNetwork.getScore();
    }

    @Override
    protected Evaluation evaluate(EvaluationSet set, Evaluation evaluation) {
        return sparkNetwork.doEvaluation(batches.of(set), batchSize, evaluation)[0];
    }

    @Override
    protected ComputationGraph network() {
        return sparkNetwork.getNetwork();
    }
}
