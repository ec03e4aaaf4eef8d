package org.dlspark.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context of a job. The master is, in order: the {@code --master} option, the one spark-submit
 * set, or local mode with one task slot per core. On a cluster, executors get what DLSpark needs unless it was set
 * (see {@link #executorDefaults}).
 */
public final class SparkContexts {

    /** The master used when neither the command line nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** The environment variables that size ND4J's native thread pools: OpenMP's, and its BLAS libraries'. */
    public static final List<String> NATIVE_THREAD_VARIABLES =
            List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS");

    /**
     * glibc's settings for an executor's native memory. Buffers below 256 MiB come from the heap, not from mmap, so
     * that ND4J's large buffers are reused instead of returned to the kernel, which zeroes them again on the next
     * allocation (7% of a worker's time; scripts/lib.sh sets the same for the driver). Two arenas, and the heap
     * trimmed above 128 MiB free: with an arena for each thread that allocates (the shard reader's, Aeron's,
     * Spark's) and nothing ever trimmed, an executor's resident memory grew for as long as it trained, 1.6 MB/s
     * with gradient sharing, where with these it levels off at the same speed (docs/training.md).
     */
    public static final Map<String, String> NATIVE_MEMORY_VARIABLES = Map.of("MALLOC_MMAP_THRESHOLD_", "268435456",
            "MALLOC_TRIM_THRESHOLD_", "134217728", "MALLOC_ARENA_MAX", "2");

    private SparkContexts() {
    }

    /** The master a job runs on: {@code option} if given, else spark-submit's, else {@link #DEFAULT_MASTER}. */
    public static String master(String option) {
        return option != null ? option : new SparkConf().get("spark.master", DEFAULT_MASTER);
    }

    /**
     * A new context for the application {@code appName}; {@code master} may be null. On a standalone cluster that
     * cannot host even one of its executors (too little free memory or no free core on every worker) the context
     * is closed again at once and an {@link IllegalArgumentException} says what is missing: Spark would wait for
     * ever.
     */
    public static JavaSparkContext start(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName).setMaster(master(master));
        // Spark's console progress bars would interleave with the job's own progress lines.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Spark's cleaner removes the blocks of RDDs and broadcasts the driver no longer references; blocking, it
        // waits for every executor's answer, and one that is stopped (a stalled worker) held it, and with it the
        // context's stop, for ever: a stalled job never ended.
        conf.setIfMissing("spark.cleaner.referenceTracking.blocking", "false");
        // Executors report their peak memory after every task. Not through Spark's process-tree metrics: polling
        // them starts a pgrep process, on the cores the executor trains on, every time.
        addPlugin(conf, ExecutorPeaksPlugin.class.getName());
        if (!conf.get("spark.master").startsWith("local")) {
            executorDefaults(conf);
        }
        JavaSparkContext spark = new JavaSparkContext(conf);
        Optional<String> lacking = StandaloneCapacity.of(spark).flatMap(TaskSlots::noExecutor);
        if (lacking.isPresent()) {
            spark.close();
            throw new IllegalArgumentException(lacking.get());
        }
        return spark;
    }

    /**
     * The task slots of a local master ({@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}),
     * or empty for any other master.
     */
    public static OptionalInt localSlots(String master) {
        Matcher local = LOCAL_MASTER.matcher(master);
        if (!local.matches()) {
            return OptionalInt.empty();
        }
        String threads = local.group(1);
        return OptionalInt.of(threads == null ? 1 : threads.equals("*") ? Runtime.getRuntime().availableProcessors()
                : Integer.parseInt(threads));
    }

    private static final Pattern LOCAL_MASTER = Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?])?");

    /** Adds {@code plugin} to the plugins the user's configuration names, if any. */
    static void addPlugin(SparkConf conf, String plugin) {
        String plugins = conf.get("spark.plugins", "").strip();
        if (!List.of(plugins.split("\\s*,\\s*")).contains(plugin)) {
            conf.set("spark.plugins", plugins.isEmpty() ? plugin : plugins + "," + plugin);
        }
    }

    /**
     * What executors in separate JVMs need unless spark-submit or the user set it: this application's jar, Java
     * 17's module flags ({@code conf/jvm.options}, as the jar carries it), one native thread per task, glibc's
     * thresholds for native buffers, and heap for DL4J.
     */
    private static void executorDefaults(SparkConf conf) {
        try {
            Path jar = Path.of(SparkContexts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(jar)) {
                conf.setIfMissing("spark.jars", jar.toString());
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate DLSpark's jar", e);
        }
        String flags = String.join(" ", ModuleOpens.bundledOptions().strip().split("\\s+"));
        conf.setIfMissing("spark.executor.extraJavaOptions", flags
                + " -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G");
        for (String threads : NATIVE_THREAD_VARIABLES) {
            conf.setIfMissing("spark.executorEnv." + threads, "1");
        }
        NATIVE_MEMORY_VARIABLES.forEach((name, value) -> conf.setIfMissing("spark.executorEnv." + name, value));
        conf.setIfMissing("spark.executor.memory", "2g");
    }
}
