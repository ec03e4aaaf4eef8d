package org.dlspark.scaling;

import org.dlspark.train.InvalidSettingException;

/**
 * Predicts a data-parallel run's iteration time, examples per second and scaling efficiency on any number of workers
 * and any link, from what two-worker runs measured. An iteration of a worker takes
 * <pre>
 *   compute + encode and apply + wire time + host time per byte x bytes sent + wait for the slowest peer
 * </pre>
 * where the wire time is each round's link delay plus the bytes the worker sends over the link's bandwidth
 * ({@link Exchange}, {@link Link}); the host time per byte is what moving a byte costs the workers' own hosts
 * (signing, copying, Aeron's driver and its flow control); and the wait grows as the expected largest of n workers'
 * compute times: {@code jitter x compute x sqrt(log2 n)} (the maximum of n normal variables lies about sqrt(2 ln n)
 * deviations above their mean). Jitter and host time per byte are calibrated from a gradient-sharing run and a
 * parameter-averaging run, which moves some 20 times the bytes: what each exchange took beyond its wire time,
 * solved for both (without an averaging run, the host time per byte is taken as nothing). Scaling efficiency is the
 * share of the iteration a worker spends computing: one worker alone would take just its compute.
 */
public final class ScalingModel {

    private final MeasuredRun sharing;
    private final MeasuredRun averaging;
    private final int frequency;
    private final MessageSizes sizes;
    private final double jitter;
    private final double hostMillisPerByte;

    private ScalingModel(MeasuredRun sharing, MeasuredRun averaging, int frequency, MessageSizes sizes,
            double jitter, double hostMillisPerByte) {
        this.sharing = sharing;
        this.averaging = averaging;
        this.frequency = frequency;
        this.sizes = sizes;
        this.jitter = jitter;
        this.hostMillisPerByte = hostMillisPerByte;
    }

    /**
     * Calibrates the model from a gradient-sharing run by the sparse all-reduce and, optionally, a
     * parameter-averaging run of the same model, both of two workers measured on {@code link}.
     *
     * @param averaging the averaging run, or null: the model then predicts no parameter averaging
     * @param frequency the iterations between averagings of that run
     * @throws InvalidSettingException naming the option whose run does not fit
     */
    public static ScalingModel calibrate(MeasuredRun sharing, MeasuredRun averaging, int frequency, Link link) {
        if (!sharing.exchange().equals(Exchange.SPARSE_ALL_REDUCE.label())) {
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
        // exchange - wire = host x bytes + jitter x compute x spread, for each run
        double sharingRest = rest(sharing, Exchange.SPARSE_ALL_REDUCE, sizes, frequency, link);
        double sharingLoad = sharing.computeMillis() * spread(sharing.workers());
        double hostPerByte = 0;
        if (averaging != null) {
            double averagingRest = rest(averaging, Exchange.PARAMETER_AVERAGING, sizes, frequency, link);
            double averagingLoad = averaging.computeMillis() * spread(averaging.workers());
            double ratio = averagingLoad / sharingLoad;
            hostPerByte = Math.max(0, (averagingRest - ratio * sharingRest) / (averaging.bytesPerIteration()
                    - ratio * sharing.bytesPerIteration()));
        }
        double jitter = Math.max(0, sharingRest - hostPerByte * sharing.bytesPerIteration()) / sharingLoad;
        return new ScalingModel(sharing, averaging, frequency, sizes, jitter, hostPerByte);
    }

    /** A run's exchange time beyond its wire time, in milliseconds. */
    private static double rest(MeasuredRun run, Exchange exchange, MessageSizes sizes, int frequency, Link link) {
        return run.exchangeMillis() - 1000 * exchange.seconds(run.workers(), frequency, sizes, link);
    }

    /** How the expected slowest of {@code workers} grows: sqrt(log2 n), 1 at two workers. */
    private static double spread(int workers) {
        return Math.sqrt(Math.log(workers) / Math.log(2));
    }

    /** The calibrated jitter: a worker's wait at two workers over its compute. */
    public double jitter() {
        return jitter;
    }

    /** The calibrated cost to the hosts of each byte a worker sends, in nanoseconds. */
    public double hostNanosPerByte() {
        return hostMillisPerByte * 1e6;
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
        double bytes = exchange.messages(workers, frequency) * exchange.messageBytes(workers, frequency, sizes);
        double wire = 1000 * exchange.seconds(workers, frequency, sizes, link) + hostMillisPerByte * bytes;
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
