package org.dlspark.bench;

import java.util.ArrayList;
import java.util.List;
import org.dlspark.train.Strategy;

/**
 * One way of training that the benchmark compares: in one JVM with one or two native threads, or data-parallel over
 * two workers of one core each, by parameter averaging or gradient sharing, on the standalone cluster (executors in
 * JVMs of their own) or in Spark's local mode (two task slots in the driver's JVM). Every setting uses the machine's
 * cores for its native threads only: ND4J's OpenMP and BLAS pools are pinned to one thread per task. One more
 * setting measures the machine rather than a strategy: two one-thread JVMs training side by side, each on half the
 * examples, never communicating; their summed throughput is what two separate JVMs reach on the machine (one JVM
 * with two task threads can do better: it compiles the code once).
 * The one-thread JVM, the baseline of the efficiency, runs first and again last: a shared host's speed drifts
 * within the hour a benchmark takes, and the two runs show by how much. {@code train-defaults} is what
 * {@code dlspark train} does when given no options (two workers in {@code local[2]}, each fitting the model's whole
 * minibatch). The PyTorch settings train the same network on the same examples in PyTorch, the peer a user would
 * pick instead ({@code scripts/peers/pytorch_peer.py}). The {@code *-driver-data} settings read the data on the
 * driver and store it on the executors, the path of inputs under {@code --driver-read-limit}, beside the same
 * strategies reading shards on the executors.
 */
public enum BenchSetting {

    ONE_JVM_1_THREAD("one-jvm-1-thread", "one JVM, 1 thread", Strategy.SINGLE_JVM, Where.THIS_JVM, 1),
    ONE_JVM_2_THREADS("one-jvm-2-threads", "one JVM, 2 threads", Strategy.SINGLE_JVM, Where.THIS_JVM, 2),
    AVERAGING_CLUSTER("averaging-cluster", "parameter averaging, cluster 2x1 core", Strategy.PARAMETER_AVERAGING,
            Where.CLUSTER, 2),
    SHARING_CLUSTER("sharing-cluster", "gradient sharing, cluster 2x1 core", Strategy.GRADIENT_SHARING,
            Where.CLUSTER, 2),
    AVERAGING_CLUSTER_DRIVER_DATA("averaging-cluster-driver-data", "parameter averaging, cluster 2x1 core, data "
            + "read on the driver", Strategy.PARAMETER_AVERAGING, Where.CLUSTER, 2, true),
    SHARING_CLUSTER_DRIVER_DATA("sharing-cluster-driver-data", "gradient sharing, cluster 2x1 core, data read on "
            + "the driver", Strategy.GRADIENT_SHARING, Where.CLUSTER, 2, true),
    AVERAGING_LOCAL("averaging-local", "parameter averaging, local[2]", Strategy.PARAMETER_AVERAGING, Where.LOCAL, 2),
    SHARING_LOCAL("sharing-local", "gradient sharing, local[2]", Strategy.GRADIENT_SHARING, Where.LOCAL, 2),
    SIDE_BY_SIDE("side-by-side", "2 one-thread JVMs side by side, no communication (ceiling)", Strategy.SINGLE_JVM,
            Where.SIDE_BY_SIDE, 2),
    TRAIN_DEFAULTS("train-defaults", "train's defaults: parameter averaging, local[2], full minibatch per worker",
            Strategy.PARAMETER_AVERAGING, Where.LOCAL, 2),
    PYTORCH_2_THREADS("pytorch-2-threads", "PyTorch, 2 threads", Strategy.SINGLE_JVM, Where.PEER, 2),
    PYTORCH_1_THREAD("pytorch-1-thread", "PyTorch, 1 thread", Strategy.SINGLE_JVM, Where.PEER, 1),
    ONE_JVM_1_THREAD_AGAIN("one-jvm-1-thread-again", "one JVM, 1 thread, again at the end", Strategy.SINGLE_JVM,
            Where.THIS_JVM, 1);

    /**
     * Where a setting's training runs: one JVM, two JVMs at once, Spark's local mode, the cluster, or one PyTorch
     * process (the peer).
     */
    public enum Where { THIS_JVM, SIDE_BY_SIDE, LOCAL, CLUSTER, PEER }

    private final String id;
    private final String label;
    private final Strategy strategy;
    private final Where where;
    private final int cores;
    private final boolean driverData;

    BenchSetting(String id, String label, Strategy strategy, Where where, int cores) {
        this(id, label, strategy, where, cores, false);
    }

    /**
     * @param driverData read the data on the driver and ship it to the executors, as before executors read shards
     *     themselves (the {@code *-driver-data} settings, to compare the two paths)
     */
    BenchSetting(String id, String label, Strategy strategy, Where where, int cores, boolean driverData) {
        this.id = id;
        this.label = label;
        this.strategy = strategy;
        this.where = where;
        this.cores = cores;
        this.driverData = driverData;
    }

    /** The setting's name on the command line and in file names. */
    public String id() {
        return id;
    }

    /** The setting as the table shows it. */
    public String label() {
        return label;
    }

    public Strategy strategy() {
        return strategy;
    }

    public Where where() {
        return where;
    }

    /** Whether the setting is one of the two runs of the one-thread JVM, the baseline of the efficiency. */
    public boolean isBaseline() {
        return this == ONE_JVM_1_THREAD || this == ONE_JVM_1_THREAD_AGAIN;
    }

    /** Cores the setting trains on: its native threads in one JVM, or its workers. */
    public int cores() {
        return cores;
    }

    /** Whether the setting is PyTorch's rather than DLSpark's. */
    public boolean isPeer() {
        return where == Where.PEER;
    }

    /** Workers that train data-parallel: 1 in one process. */
    public int workers() {
        return where == Where.THIS_JVM || where == Where.PEER ? 1 : cores;
    }

    /**
     * Examples each worker fits per iteration, {@code batchSize} being the workload's minibatch: workers share it,
     * so that every setting takes the same steps, except in {@code train-defaults}, where each fits all of it.
     */
    public int batchPerWorker(int batchSize) {
        return this == TRAIN_DEFAULTS ? batchSize : batchSize / workers();
    }

    /** Native threads per process: the setting's threads in one process, else one per worker. */
    public int nativeThreads() {
        return where == Where.THIS_JVM || where == Where.PEER ? cores : 1;
    }

    /** Training processes the setting starts at once: two side by side, else one (the driver). */
    public int processes() {
        return where == Where.SIDE_BY_SIDE ? 2 : 1;
    }

    /**
     * The CPUs that process {@code process} (from 1) of this setting is bound to when cores are pinned, as a taskset
     * list: one JVM and {@code local[N]} get the first {@code cores} CPUs, processes side by side one CPU each; null
     * for the cluster settings, whose driver only coordinates and whose workers the cluster binds.
     */
    public String cpus(int process) {
        return switch (where) {
            case THIS_JVM, LOCAL, PEER -> cores == 1 ? "0" : "0-" + (cores - 1);
            case SIDE_BY_SIDE -> Integer.toString(process - 1);
            case CLUSTER -> null;
        };
    }

    /** The {@code train} options that select this setting, {@code cluster} being the standalone master's URL. */
    public List<String> trainOptions(String cluster) {
        List<String> options = new ArrayList<>(List.of("--strategy", strategy.option()));
        if (strategy != Strategy.SINGLE_JVM) {
            options.addAll(List.of("--workers", Integer.toString(workers()), "--master",
                    where == Where.CLUSTER ? cluster : "local[" + workers() + "]"));
        }
        if (driverData) {
            options.addAll(List.of("--driver-read-limit", "8g"));
        }
        return options;
    }

    /** The setting named {@code id}. */
    public static BenchSetting byId(String id) {
        for (BenchSetting setting : values()) {
            if (setting.id.equals(id)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown bench setting '" + id + "'; known: "
                + String.join(", ", java.util.Arrays.stream(values()).map(BenchSetting::id).toList()));
    }
}
