package org.dlspark.scaling;

import org.dlspark.train.InvalidSettingException;

/**
 * Predicts a data-parallel run's iteration time, examples per second and scaling efficiency on any number of workers
 * and any link, from what a two-worker run measured. An iteration of a worker takes
 * <pre>
 *   compute + encode and apply + wire time of its exchange + wait for the slowest peer
 * </pre>
 * where the wire time is each round's link delay plus the bytes the worker sends over the link's bandwidth
 * ({@link Exchange}, {@link Link}), and the wait grows as the expected largest of n workers' compute times:
 * {@code jitter x compute x sqrt(log2 n)} (the maximum of n normal variables lies about sqrt(2 ln n) deviations
 * above their mean). The jitter is calibrated from the measured run: what its exchange took beyond its wire time,
 * over its compute. Scaling efficiency is the share of the iteration a worker spends computing: one worker alone
 * would take just its compute.
 */
public final class ScalingModel {

    private final MeasuredRun sharing;
    private final MeasuredRun averaging;
    private final int frequency;
    private final MessageSizes sizes;
    private final double sharingJitter;
    private final double averagingJitter;

    private ScalingModel(MeasuredRun sharing, MeasuredRun averaging, int frequency, MessageSizes sizes,
            double sharingJitter, double averagingJitter) {
        this.sharing = sharing;
        this.averaging = averaging;
        this.frequency = frequency;
        this.sizes = sizes;
        this.sharingJitter = sharingJitter;
        this.averagingJitter = averagingJitter;
    }

    /**
     * Calibrates the model from a gradient-sharing run by the sparse all-reduce and, optionally, a
     * parameter-averaging run of the same model, both measured on {@code link}.
     *
     * @param averaging the averaging run, or null: the model then predicts no parameter averaging
     * @param frequency the iterations between averagings of that run
     * @throws InvalidSettingException naming the option whose run does not fit
     */
    public static ScalingModel calibrate(MeasuredRun sharing, MeasuredRun averaging, int frequency, Link link) {
        if (!sharing.exchange().equals("sparse all-reduce")) {
            throw new InvalidSettingException("--sharing", sharing.folder() + " exchanged by '" + sharing.exchange()
                    + "', not by the sparse all-reduce");
        }
        if (averaging != null && (!averaging.strategy().equals("parameter-averaging")
                || !averaging.model().equals(sharing.model()))) {
            throw new InvalidSettingException("--averaging", averaging.folder() + " is not a parameter-averaging run "
                    + "of the " + sharing.model());
        }
        double message = sharing.bytesPerIteration() / Exchange.sparseRounds(sharing.workers());
        double averagingAtTwo = averaging == null ? 0
                : averaging.bytesPerIteration() * averaging.workers() / (2.0 * (averaging.workers() - 1));
        MessageSizes sizes = new MessageSizes(message, sharing.denseBytes(), averagingAtTwo);
        double sharingJitter = jitter(sharing, Exchange.SPARSE_ALL_REDUCE, sizes, frequency, link);
        double averagingJitter = averaging == null ? 0
                : jitter(averaging, Exchange.PARAMETER_AVERAGING, sizes, frequency, link);
        return new ScalingModel(sharing, averaging, frequency, sizes, sharingJitter, averagingJitter);
    }

    /** A run's wait beyond its wire time, over its compute and over the growth the model gives the wait. */
    private static double jitter(MeasuredRun run, Exchange exchange, MessageSizes sizes, int frequency, Link link) {
        double wire = 1000 * exchange.seconds(run.workers(), frequency, sizes, link);
        return Math.max(0, run.exchangeMillis() - wire) / run.computeMillis() / spread(run.workers());
    }

    /** How the expected slowest of {@code workers} grows: sqrt(log2 n), 1 at two workers. */
    private static double spread(int workers) {
        return Math.sqrt(Math.log(workers) / Math.log(2));
    }

    /** Whether the model can predict {@code exchange}: parameter averaging needs a measured averaging run. */
    public boolean predicts(Exchange exchange) {
        return exchange != Exchange.PARAMETER_AVERAGING || averaging != null;
    }

    /** The sizes the model counts bytes from. */
    public MessageSizes sizes() {
        return sizes;
    }

    /** The calibrating gradient-sharing run. */
    public MeasuredRun sharing() {
        return sharing;
    }

    /**
     * The iteration of {@code workers} workers by {@code exchange} on {@code link}, each computing its minibatch in
     * {@code computeMillis} and encoding and applying in {@code overheadMillis}.
     */
    public Prediction predict(Exchange exchange, int workers, Link link, double computeMillis,
            double overheadMillis) {
        double wire = 1000 * exchange.seconds(workers, frequency, sizes, link);
        double jitter = exchange == Exchange.PARAMETER_AVERAGING ? averagingJitter : sharingJitter;
        double wait = jitter * computeMillis * spread(workers);
        return new Prediction(exchange, workers, link, computeMillis, overheadMillis, wire, wait);
    }

    /**
     * The iteration of {@code workers} workers by {@code exchange} on {@code link} with the calibrating run's compute
     * per iteration times {@code computeShare} (1: as measured), its minibatch per worker, and its encoding and
     * applying.
     */
    public Prediction predict(Exchange exchange, int workers, Link link, double computeShare) {
        MeasuredRun measured = exchange == Exchange.PARAMETER_AVERAGING ? averaging : sharing;
        return predict(exchange, workers, link, computeShare * measured.computeMillis(),
                measured.encodeMillis() + measured.applyMillis());
    }
}
