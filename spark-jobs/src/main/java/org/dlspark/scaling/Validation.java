package org.dlspark.scaling;

import org.dlspark.data.DataFormatException;

/**
 * A measured run beside the model's prediction of it, made from the run's own compute, encoding and applying
 * times and the link it ran on: what the model must get right is the exchange and the waiting.
 *
 * @param run what was measured
 * @param link the link the run's workers had
 * @param predicted the model's iteration
 */
public record Validation(MeasuredRun run, Link link, Prediction predicted) {

    /** Predicts {@code run}, measured on {@code link}, with {@code model}. */
    public static Validation of(ScalingModel model, MeasuredRun run, Link link) {
        Exchange exchange = exchangeOf(run);
        if (!model.predicts(exchange)) {
            throw new DataFormatException(run.folder() + ": a parameter-averaging run, and the model has no "
                    + "averaging run to calibrate from (--averaging)");
        }
        return new Validation(run, link, model.predict(exchange, run.workers(), link, run.computeMillis(),
                run.encodeMillis() + run.applyMillis()));
    }

    /** The predicted examples per second over the measured, less one. */
    public double error() {
        return predicted.examplesPerSecond(run.batchSize()) / run.examplesPerSecond() - 1;
    }

    private static Exchange exchangeOf(MeasuredRun run) {
        for (Exchange exchange : Exchange.values()) {
            if (exchange.label().equals(run.exchange())) {
                return exchange;
            }
        }
        throw new DataFormatException(run.folder() + ": exchanged by '" + run.exchange() + "', which the model "
                + "does not know");
    }
}
