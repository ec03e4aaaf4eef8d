package org.dlspark.train;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains data-parallel over Spark executors with DL4J's parameter averaging: each worker fits
 * {@code averagingFrequency} minibatches from the current parameters, then the driver averages the workers'
 * parameters (and updater state) and broadcasts them. The test set is evaluated on the executors.
 */
public final class ParameterAveragingTrainer extends EpochTrainer {

    private final SparkComputationGraph sparkNetwork;
    private final JavaRDD<DataSet> train;
    private final JavaRDD<DataSet> test;
    private final JavaRDD<DataSet> validation;
    private final int batchSize;

    /**
     * @param workers number of data-parallel workers
     * @param batchSize examples per minibatch per worker; the training batches must hold this many (the last
     *     may hold fewer)
     * @param exportDirectory where DL4J stages the training minibatches for its workers (a Hadoop path) in local
     *     mode; on a cluster, whose executors need not share this file system, minibatches go to the workers
     *     directly (DL4J's "Direct" approach) instead
     */
    public ParameterAveragingTrainer(JavaSparkContext spark, ComputationGraph network, Batches batches, int workers, int batchSize, int averagingFrequency, long seed,
            String exportDirectory) {
        boolean local = spark.master().startsWith("local");
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(2)
                .rddTrainingApproach(local ? RDDTrainingApproach.Export : RDDTrainingApproach.Direct)
                .exportDirectory(exportDirectory)
                .rngSeed(seed)
                .build();
        this.sparkNetwork = new SparkComputationGraph(spark, network, master);
        this.train = spark.parallelize(batches.train(), workers);
        this.test = spark.parallelize(batches.test(), workers).cache();
        this.validation = spark.parallelize(batches.validation(), workers).cache();
        this.batchSize = batchSize;
    }

    @Override
    protected void fitEpoch(int epoch) {
        sparkNetwork.fit(train);
    }

    @Override
    protected double lastLoss() {
        return sparkNetwork.getScore();
    }

    @Override
    protected Evaluation evaluate(EvaluationSet set, Evaluation evaluation) {
        return sparkNetwork.doEvaluation(set == EvaluationSet.TEST ? test : validation, batchSize, evaluation)[0];
    }

    @Override
    protected ComputationGraph network() {
        return sparkNetwork.getNetwork();
    }
}
