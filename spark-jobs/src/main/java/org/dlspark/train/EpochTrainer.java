package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.eval.ClassificationReport;
import org.nd4j.evaluation.classification.Evaluation;

/**
 * The epoch loop every training strategy shares: fit one pass, evaluate on the test set, report loss, accuracy,
 * throughput and time left. Subclasses say how a pass is fitted and how the test set is evaluated.
 */
public abstract class EpochTrainer {

    /** The trained network, its final test report, and one report per epoch. */
    public record Result(ComputationGraph network, ClassificationReport test, List<EpochReport> history,
            double trainSeconds, long examplesSeen) {
    }

    /** Fits one pass over the training set. */
    protected abstract void fitEpoch(int epoch);

    /** The mean training loss of the last pass. */
    protected abstract double lastLoss();

    /** Evaluates the current network on the test set into {@code evaluation}. */
    protected abstract Evaluation evaluate(Evaluation evaluation);

    /** The network being trained, in its current state. */
    protected abstract ComputationGraph network();

    /**
     * Trains for {@code epochs} passes over {@code trainExamples} examples, calling {@code onEpoch} after each.
     */
    public final Result train(int epochs, long trainExamples, List<String> classNames,
            Consumer<EpochReport> onEpoch) {
        List<EpochReport> history = new ArrayList<>();
        double trainSeconds = 0;
        double wallSeconds = 0;
        ClassificationReport report = null;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            fitEpoch(epoch);
            double epochTrainSeconds = (System.nanoTime() - start) / 1e9;
            report = ClassificationReport.of(evaluate(new Evaluation(classNames)), classNames);
            trainSeconds += epochTrainSeconds;
            wallSeconds += (System.nanoTime() - start) / 1e9;
            EpochReport epochReport = new EpochReport(epoch, lastLoss(), report.accuracy(),
                    trainExamples / epochTrainSeconds, epochTrainSeconds, wallSeconds / epoch * (epochs - epoch));
            history.add(epochReport);
            onEpoch.accept(epochReport);
        }
        return new Result(network(), report, List.copyOf(history), trainSeconds, trainExamples * epochs);
    }
}
