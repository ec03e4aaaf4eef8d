package org.dlspark.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rpc.RpcAddress;
import org.dlspark.spark.SparkContexts;
import org.dlspark.spark.StandaloneCapacity;
import org.dlspark.spark.TaskSlots;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.sharing.MeshPorts;

/**
 * The Spark side of a job: the settings barrier stages need (no dynamic allocation, a valid mesh port range), the
 * master reachable, room for the workers on it (a local master's slots; a standalone cluster's free cores and
 * memory against what the executors ask), and for the mesh strategies the {@link MeshCheck} on the executors.
 */
final class ClusterCheck {

    private static final Duration CONNECT_WAIT = Duration.ofSeconds(5);
    private static final Duration REGISTRATION_WAIT = Duration.ofSeconds(60);

    private ClusterCheck() {
    }

    /**
     * @param workers the job's workers, or null for as many as the master can run at once
     * @param mesh whether the job trains with a mesh strategy (its workers in one barrier stage, over UDP)
     */
    static List<Verdict> check(String masterOption, Integer workers, boolean mesh) {
        List<Verdict> verdicts = new ArrayList<>();
        SparkConf conf = new SparkConf();
        String master = SparkContexts.master(masterOption);
        if (mesh && conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
            verdicts.add(Verdict.fail("spark", "spark.dynamicAllocation.enabled is true: Spark refuses the barrier "
                    + "stage the workers train in", "--spark-conf spark.dynamicAllocation.enabled=false"));
            return verdicts;
        }
        try {
            MeshPorts.of(conf);
        } catch (InvalidSettingException e) {
            verdicts.add(Verdict.fail("spark", e.getMessage(), "--spark-conf " + MeshPorts.SETTING + "=LOW-HIGH"));
            return verdicts;
        }
        if (master.startsWith("spark://")) {
            Optional<String> unreachable = unreachable(master);
            if (unreachable.isPresent()) {
                verdicts.add(Verdict.fail("master", unreachable.get(), "start the cluster (scripts/spark-cluster "
                        + "start) or give --master the URL its master's log prints"));
                return verdicts;
            }
        }
        Optional<String> local = workers == null ? Optional.empty() : TaskSlots.shortfall(workers, master);
        if (local.isPresent()) {
            verdicts.add(Verdict.fail("master", local.get(), "give fewer --workers or a master with more slots"));
            return verdicts;
        }
        try (JavaSparkContext spark = SparkContexts.start("dlspark doctor", master)) {
            Optional<StandaloneCapacity> capacity = StandaloneCapacity.of(spark);
            int needed = workers != null ? workers : capacity.map(StandaloneCapacity::slots)
                    .orElse(spark.defaultParallelism());
            Optional<String> lacking = capacity.flatMap(cluster -> TaskSlots.shortfall(needed, cluster));
            if (lacking.isPresent()) {
                verdicts.add(Verdict.fail("master", lacking.get(), "give fewer --workers, or start workers with "
                        + "more cores or memory"));
                return verdicts;
            }
            verdicts.add(Verdict.pass("master", describe(spark, capacity, needed)));
            if (mesh) {
                verdicts.addAll(MeshCheck.check(spark, needed, REGISTRATION_WAIT));
            }
        } catch (Exception e) {
            verdicts.add(Verdict.fail("spark", "cannot start Spark on " + master + ": " + e.getMessage(),
                    "check the master URL and the Spark settings given with --spark-conf"));
        }
        return verdicts;
    }

    private static String describe(JavaSparkContext spark, Optional<StandaloneCapacity> capacity, int workers) {
        if (capacity.isEmpty()) {
            return String.format(Locale.ROOT, "%s runs %d tasks at once; the job needs %d", spark.master(),
                    spark.defaultParallelism(), workers);
        }
        StandaloneCapacity cluster = capacity.get();
        String gpus = cluster.executorGpus() == 0 ? "" : String.format(Locale.ROOT, " and %d GPUs (the most free: "
                + "%d)", cluster.executorGpus(), cluster.largestFreeGpus());
        return String.format(Locale.ROOT, "%s: %d live workers, %d task slots for this job (executors of %d MB, the "
                + "most any worker has free is %d MB%s); the job needs %d", cluster.master(),
                cluster.workers().size(), cluster.slots(), cluster.executorMemoryMb(), cluster.largestFreeMemoryMb(),
                gpus, workers);
    }

    /** Why a standalone master cannot be reached over TCP, or empty when it can. */
    private static Optional<String> unreachable(String master) {
        RpcAddress address = RpcAddress.fromSparkURL(master);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()),
                    Math.toIntExact(CONNECT_WAIT.toMillis()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot reach " + master + " within " + CONNECT_WAIT.toSeconds() + " s: "
                    + e.getMessage());
        }
    }
}
