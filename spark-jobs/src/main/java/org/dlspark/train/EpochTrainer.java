package org.dlspark.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.eval.ClassificationReport;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The epoch loop every training strategy shares: fit one pass, evaluate on the test set (and on the validation
 * set when early stopping watches it), report loss, the family's score ({@link Objective}), throughput and time
 * left, and stop early when the validation score stops improving, ending with the best epoch's parameters.
 * Subclasses say how a pass is fitted and how an evaluation set is evaluated.
 */
public abstract class EpochTrainer {

    /** The data sets a network is evaluated on. */
    public enum EvaluationSet { TEST, VALIDATION }

    /** The trained network, its final test evaluation and score, and one report per epoch. */
    public record Result(ComputationGraph network, IEvaluation<?> test, double testScore, List<EpochReport> history,
            double trainSeconds, long examplesSeen) {

        /**
         * A classifier's final test figures.
         *
         * @throws IllegalStateException when the network is no classifier
         */
        public ClassificationReport classification(List<String> classNames) {
            if (!(test instanceof Evaluation evaluation)) {
                throw new IllegalStateException("the network was not trained as a classifier");
            }
            return ClassificationReport.of(evaluation, classNames);
        }
    }

    /** Told after every epoch, with the network as it is then (to checkpoint it, say). */
    @FunctionalInterface
    public interface EpochListener {
        /**
         * Called after epoch {@code report.epoch()} was fitted and evaluated, with the networks as they are then;
         * {@code best} when early stopping found it the best epoch so far.
         */
        void epochDone(EpochReport report, Replica replica, boolean best);
    }

    /** Where a run starts: the epochs done before (empty for a new run) and, with them, the best parameters. */
    public record Resumption(List<EpochReport> earlier, INDArray bestParameters) {

        /** A new run. */
        public static final Resumption NONE = new Resumption(List.of(), null);
    }

    /** Fits one pass over the training set. */
    protected abstract void fitEpoch(int epoch);

    /** The mean training loss of the last pass. */
    protected abstract double lastLoss();

    /** Evaluates the current network on {@code set} into {@code evaluation}, fed the objective's pairs. */
    protected abstract <T extends IEvaluation<?>> T evaluate(EvaluationSet set, T evaluation);

    /** What the network learns and is scored by. */
    protected abstract Objective objective();

    /** The networks being trained, in their current state. */
    protected abstract Replica replica();

    /** What the workers sent each other so far, or null for a trainer whose workers send nothing. */
    public Communication communication() {
        return null;
    }

    /** Where a worker's iterations spent their time so far, or null for a trainer that does not measure it. */
    public IterationProfile profile() {
        return null;
    }

    /** Lines for the user after training: what the workers sent and where their time went. */
    public List<String> report() {
        return List.of();
    }

    /**
     * Trains up to epoch {@code epochs}, one pass over {@code trainExamples} examples each, continuing after the
     * epochs of {@code resumption}, and calls {@code listener} after each.
     */
    public final Result train(int epochs, long trainExamples, List<String> classNames, Resumption resumption,
            EarlyStopping stopping, EpochListener listener) {
        Objective objective = objective();
        List<EpochReport> history = new ArrayList<>(resumption.earlier());
        INDArray bestParameters = resumption.bestParameters();
        double wallSeconds = 0;
        int firstEpoch = history.size() + 1;
        IEvaluation<?> test = null;
        for (int epoch = firstEpoch; epoch <= epochs && !stopping.shouldStop(history); epoch++) {
            long start = System.nanoTime();
            fitEpoch(epoch);
            replica().setEpochCount(epoch);
            double epochTrainSeconds = (System.nanoTime() - start) / 1e9;
            test = evaluate(EvaluationSet.TEST, objective.newEvaluation(classNames));
            Double validationScore = stopping.enabled() ? objective.score(evaluate(EvaluationSet.VALIDATION,
                    objective.newEvaluation(classNames))) : null;
            wallSeconds += (System.nanoTime() - start) / 1e9;
            EpochReport report = new EpochReport(epoch, lastLoss(), objective.score(), objective.score(test),
                    validationScore, trainExamples / epochTrainSeconds, epochTrainSeconds,
                    wallSeconds / (epoch - firstEpoch + 1) * (epochs - epoch));
            history.add(report);
            boolean best = stopping.lastIsBest(history);
            if (best) {
                bestParameters = network().params().dup();
            }
            listener.epochDone(report, replica(), best);
        }
        if (bestParameters != null && !stopping.lastIsBest(history)) {
            network().params().assign(bestParameters);
            test = null;
        }
        if (test == null) {
            test = evaluate(EvaluationSet.TEST, objective.newEvaluation(classNames));
        }
        double trainSeconds = history.stream().mapToDouble(EpochReport::trainSeconds).sum();
        return new Result(network(), test, objective.score(test), List.copyOf(history), trainSeconds,
                trainExamples * history.size());
    }

    /** The model's network. */
    private ComputationGraph network() {
        return replica().model();
    }
}
