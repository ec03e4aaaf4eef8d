package org.dlspark.train.sharing;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;
import org.dlspark.train.IterationProgress;

/**
 * What the driver knows of one run of an epoch's mesh stage, from the workers' reports to its {@link Rendezvous}:
 * who met, how many iterations each has finished and when any last did. Worker 0's iterations (and every worker's
 * examples) feed the console's progress lines, and worker 0's the run's {@link IterationTimes}.
 */
final class StageMonitor implements Rendezvous.Listener {

    private final IntFunction<IterationProgress> progress;
    private final IterationTimes times;
    private volatile List<Rendezvous.Member> members = List.of();
    private volatile IterationProgress leader;
    private volatile AtomicIntegerArray done = new AtomicIntegerArray(0);
    private volatile long lastActivity = System.nanoTime();
    private long leaderLast;

    /**
     * @param progress given the stage's iterations, the run's progress, started on this stage's epoch
     * @param times the run's iteration times, which this stage's add to
     */
    StageMonitor(IntFunction<IterationProgress> progress, IterationTimes times) {
        this.progress = progress;
        this.times = times;
    }

    @Override
    public void met(List<Rendezvous.Member> members, int iterations) {
        this.done = new AtomicIntegerArray(members.size());
        this.members = List.copyOf(members);
        this.leader = progress.apply(iterations);
        lastActivity = System.nanoTime();
    }

    @Override
    public void iterationDone(int rank, int examples, double loss) {
        long now = System.nanoTime();
        lastActivity = now;
        done.incrementAndGet(rank);
        if (rank == 0) {
            if (leaderLast != 0) {
                times.add(now - leaderLast);
            }
            leaderLast = now;
            if (examples > 0) {
                leader.iterationDone(examples, loss);
            }
        } else if (examples > 0) {
            leader.examplesDone(examples);
        }
    }

    /** Seconds since a worker last finished an iteration, or since the workers met or the stage was submitted. */
    double quietSeconds() {
        return (System.nanoTime() - lastActivity) / 1e9;
    }

    /** The workers, by rank; empty until they have all met. */
    List<Rendezvous.Member> members() {
        return members;
    }

    /** The iterations worker {@code rank} has finished in this stage; 0 before the workers met. */
    int iterationsDone(int rank) {
        AtomicIntegerArray counts = done;
        return rank < counts.length() ? counts.get(rank) : 0;
    }
}
