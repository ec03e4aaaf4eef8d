package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.dlspark.eval.ClassificationReport;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a network data-parallel over Spark executors with DL4J's parameter averaging: each worker fits
 * {@code averagingFrequency} minibatches from the current parameters, then the driver averages the workers'
 * parameters (and updater state) and broadcasts them. After every epoch the model is evaluated on the test RDD.
 */
public final class ParameterAveragingTrainer {

    private final JavaSparkContext spark;
    private final int workers;
    private final int batchSize;
    private final int averagingFrequency;
    private final long seed;
    private final String exportDirectory;

    /**
     * @param workers number of data-parallel workers
     * @param batchSize examples per minibatch per worker; the training RDD's DataSets must hold this many
     * @param exportDirectory where DL4J stages the training minibatches for its workers (a Hadoop path)
     */
    public ParameterAveragingTrainer(JavaSparkContext spark, int workers, int batchSize, int averagingFrequency,
            long seed, String exportDirectory) {
        this.spark = spark;
        this.workers = workers;
        this.batchSize = batchSize;
        this.averagingFrequency = averagingFrequency;
        this.seed = seed;
        this.exportDirectory = exportDirectory;
    }

    /** The trained network, its final test report, and one report per epoch. */
    public record Result(ComputationGraph network, ClassificationReport test, List<EpochReport> history,
            double trainSeconds, long examplesSeen) {
    }

    /**
     * Trains {@code network} for {@code epochs} epochs, calling {@code onEpoch} after each.
     *
     * @param train minibatches of exactly {@code batchSize} examples (the last may be smaller)
     * @param test minibatches to evaluate on
     */
    public Result train(ComputationGraph network, JavaRDD<DataSet> train, long trainExamples, JavaRDD<DataSet> test,
            List<String> classNames, int epochs, Consumer<EpochReport> onEpoch) {
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(2)
                .rddTrainingApproach(RDDTrainingApproach.Export)
                .exportDirectory(exportDirectory)
                .rngSeed(seed)
                .build();
        SparkComputationGraph sparkNetwork = new SparkComputationGraph(spark, network, master);
        List<EpochReport> history = new ArrayList<>();
        double trainSeconds = 0;
        double wallSeconds = 0;
        ClassificationReport report = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            sparkNetwork.fit(train);
            double epochTrainSeconds = (System.nanoTime() - start) / 1e9;
            Evaluation evaluation = sparkNetwork.doEvaluation(test, batchSize, new Evaluation(classNames))[0];
            report = ClassificationReport.of(evaluation, classNames);
            trainSeconds += epochTrainSeconds;
            wallSeconds += (System.nanoTime() - start) / 1e9;
            double eta = wallSeconds / epoch * (epochs - epoch);
            EpochReport epochReport = new EpochReport(epoch, sparkNetwork.getScore(), report.accuracy(),
                    trainExamples / epochTrainSeconds, epochTrainSeconds, eta);
            history.add(epochReport);
            onEpoch.accept(epochReport);
        }
        return new Result(sparkNetwork.getNetwork(), report, List.copyOf(history), trainSeconds,
                trainExamples * epochs);
    }
}
