package org.dlspark.spark;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a master can run a job's workers all at once, as the one Spark barrier stage they train in needs, or a
 * standalone cluster even one executor of a job; Spark itself would wait minutes (too few slots in all) or for
 * ever (executors no worker can host).
 */
public final class TaskSlots {

    private TaskSlots() {
    }

    /** What a local master lacks for {@code workers} tasks at once, or empty; empty for any other master. */
    public static Optional<String> shortfall(int workers, String master) {
        OptionalInt slots = SparkContexts.localSlots(master);
        if (slots.isEmpty() || workers <= slots.getAsInt()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d workers train in one Spark barrier stage and need %d task "
                + "slots at once, but %s has %d; give --workers %d or fewer, or a master with more slots "
                + "(local[%d])", workers, workers, master, slots.getAsInt(), slots.getAsInt(), workers));
    }

    /** What a standalone cluster lacks for {@code workers} tasks at once, naming memory it lacks, or empty. */
    public static Optional<String> shortfall(int workers, StandaloneCapacity capacity) {
        int slots = capacity.slots();
        if (workers <= slots) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%d workers train in one Spark barrier stage and need %d task "
                + "slots at once, but %s can give this job %d (%d live workers)%s", workers, workers,
                capacity.master(), slots, capacity.workers().size(), resourceAdvice(capacity)));
    }

    /** Why a standalone cluster cannot host even one executor of the job, or empty when it can. */
    public static Optional<String> noExecutor(StandaloneCapacity capacity) {
        if (capacity.slots() > 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%s cannot host one executor of this job (%d live workers)%s",
                capacity.master(), capacity.workers().size(), resourceAdvice(capacity)));
    }

    /** What to do when the executors ask more memory or GPUs than any worker has free; empty otherwise. */
    private static String resourceAdvice(StandaloneCapacity capacity) {
        String memory = capacity.executorMemoryMb() > capacity.largestFreeMemoryMb()
                ? String.format(Locale.ROOT, "; each executor asks %d MB (spark.executor.memory) but the most any "
                        + "worker has free is %d MB: give --spark-conf spark.executor.memory=%dm or less",
                        capacity.executorMemoryMb(), capacity.largestFreeMemoryMb(), capacity.largestFreeMemoryMb())
                : "";
        String gpus = capacity.executorGpus() > capacity.largestFreeGpus()
                ? String.format(Locale.ROOT, "; each executor asks %d GPUs (spark.executor.resource.gpu.amount) but "
                        + "the most any worker has free is %d", capacity.executorGpus(), capacity.largestFreeGpus())
                : "";
        return memory + gpus;
    }
}
