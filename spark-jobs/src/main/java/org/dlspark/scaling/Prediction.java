package org.dlspark.scaling;

/**
 * One predicted iteration of a worker, in milliseconds.
 *
 * @param exchange how the workers combine their work
 * @param workers how many there are
 * @param link each worker's link
 * @param computeMillis computing the minibatch's update
 * @param overheadMillis encoding what is sent and applying what is received
 * @param wireMillis the exchange's rounds' delays and bytes on the link, and its bytes' cost to the hosts
 * @param waitMillis waiting for the slowest peer
 */
public record Prediction(Exchange exchange, int workers, Link link, double computeMillis, double overheadMillis,
        double wireMillis, double waitMillis) {

    /** Milliseconds per iteration in all. */
    public double iterationMillis() {
        return computeMillis + overheadMillis + wireMillis + waitMillis;
    }

    /** Training examples per second of all workers, each fitting {@code batchSize} examples an iteration. */
    public double examplesPerSecond(int batchSize) {
        return workers * batchSize * 1000.0 / iterationMillis();
    }

    /** The examples per second over {@code workers} times one worker's alone (which only computes). */
    public double efficiency() {
        return computeMillis / iterationMillis();
    }
}
