package org.dlspark.train.sharing;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dlspark.spark.ExecutorThreadDumps;

/**
 * A stall of an epoch's mesh stage, as the driver saw it: how long it waited, the worker it suspects (one whose
 * executor did not answer for its thread dump, or else the one that finished the fewest iterations, since the
 * others wait on it) and where the thread dumps are.
 *
 * @param suspect the suspected worker, or null when the workers never all started and all executors answered
 * @param iterationsDone the iterations the suspect finished in this attempt, or -1 when the workers never met in it
 * @param silent whether the suspect's executor did not answer for its thread dump
 */
record Stall(int epoch, double limitSeconds, Rendezvous.Member suspect, int iterationsDone, boolean silent,
        Path dumps) {

    /**
     * The stall {@code monitor} saw, given the executors that did not answer and where their dumps went. When the
     * workers never met in this attempt, the suspect is sought among {@code earlier}, the workers of the epoch's
     * previous attempt, by their executors' silence alone.
     */
    static Stall of(int epoch, double limitSeconds, StageMonitor monitor, List<Rendezvous.Member> earlier,
            Set<String> silentExecutors, Path dumps) {
        boolean met = !monitor.members().isEmpty();
        Rendezvous.Member suspect = (met ? monitor.members() : earlier).stream()
                .filter(member -> met || silentExecutors.contains(member.executor()))
                .min(Comparator.comparing((Rendezvous.Member member) -> !silentExecutors.contains(member.executor()))
                        .thenComparingInt(member -> monitor.iterationsDone(member.rank())))
                .orElse(null);
        return new Stall(epoch, limitSeconds, suspect, suspect != null && met
                ? monitor.iterationsDone(suspect.rank()) : -1,
                suspect != null && silentExecutors.contains(suspect.executor()), dumps);
    }

    /** What happened, whom it points at, and the file to read. */
    String verdict() {
        String quiet = String.format(Locale.ROOT, "no worker finished an iteration for %.0f s in epoch %d",
                limitSeconds, epoch);
        if (suspect == null) {
            return quiet + "; the workers never all started (Spark could not give the stage all its task slots at "
                    + "once); thread dumps in " + dumps;
        }
        String progress = iterationsDone < 0 ? "before the workers met" : "after " + iterationsDone + " iterations";
        String worker = String.format(Locale.ROOT, "worker %d (executor %s on %s)", suspect.rank(),
                suspect.executor(), suspect.address().host());
        Path file = ExecutorThreadDumps.file(dumps, suspect.executor());
        return silent
                ? String.format(Locale.ROOT, "%s; %s did not answer for its thread dump %s: its process may be "
                        + "stopped or its machine overloaded; see %s", quiet, worker, progress, file)
                : String.format(Locale.ROOT, "%s; the others wait on %s, which finished the fewest iterations (%d); "
                        + "its thread dump is %s", quiet, worker, iterationsDone, file);
    }
}
