package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
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

    /** Told after every epoch, with the network as it is then (to checkpoint it, say). */
    @FunctionalInterface
    public interface EpochListener {
        /** Called after epoch {@code report.epoch()} was fitted and evaluated. */
        void epochDone(EpochReport report, ComputationGraph network);
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
     * Trains up to epoch {@code epochs}, one pass over {@code trainExamples} examples each, continuing after the
     * epochs of {@code earlier} (empty for a new run), and calls {@code listener} after each.
     */
    public final Result train(int epochs, long trainExamples, List<String> classNames, List<EpochReport> earlier,
            EpochListener listener) {
        List<EpochReport> history = new ArrayList<>(earlier);
        double wallSeconds = 0;
        ClassificationReport report = null;
        for (int epoch = earlier.size() + 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            fitEpoch(epoch);
            network().getConfiguration().setEpochCount(epoch);
            double epochTrainSeconds = (System.nanoTime() - start) / 1e9;
            report = ClassificationReport.of(evaluate(new Evaluation(classNames)), classNames);
            wallSeconds += (System.nanoTime() - start) / 1e9;
            int done = epoch - earlier.size();
            EpochReport epochReport = new EpochReport(epoch, lastLoss(), report.accuracy(),
                    trainExamples / epochTrainSeconds, epochTrainSeconds, wallSeconds / done * (epochs - epoch));
            history.add(epochReport);
            listener.epochDone(epochReport, network());
        }
        if (report == null) {
            report = ClassificationReport.of(evaluate(new Evaluation(classNames)), classNames);
        }
        double trainSeconds = history.stream().mapToDouble(EpochReport::trainSeconds).sum();
        return new Result(network(), report, List.copyOf(history), trainSeconds, trainExamples * history.size());
    }
}
