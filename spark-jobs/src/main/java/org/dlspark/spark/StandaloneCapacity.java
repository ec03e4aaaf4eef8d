package org.dlspark.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.deploy.DeployMessages;
import org.apache.spark.deploy.master.ApplicationInfo;
import org.apache.spark.deploy.master.WorkerInfo;
import org.apache.spark.rpc.RpcAddress;
import org.apache.spark.rpc.RpcEndpointRef;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;

/**
 * The task slots a Spark standalone master can give this application at once: the cores it has granted it already,
 * and those of the live workers with room for one more of its executors (their free memory, cores and GPUs). It asks
 * the master for its state, the message the master's web UI uses. Spark itself would wait for ever for executors no
 * worker can host, repeating "Initial job has not accepted any resources".
 *
 * @param master the master's URL
 * @param granted cores granted to this application
 * @param workers the live workers
 * @param executorMemoryMb the heap each executor asks ({@code spark.executor.memory})
 * @param executorCores the cores each executor asks ({@code spark.executor.cores}), 0 for all of a worker's
 * @param executorGpus the GPUs each executor asks ({@code spark.executor.resource.gpu.amount}), usually 0
 */
public record StandaloneCapacity(String master, int granted, List<Worker> workers, int executorMemoryMb,
        int executorCores, int executorGpus) {

    /** A live worker's free cores, memory and GPUs. */
    public record Worker(int coresFree, int memoryFreeMb, int gpusFree) {
    }

    /** The capacity of the standalone master {@code spark} runs on, or empty for another master or no answer. */
    public static Optional<StandaloneCapacity> of(JavaSparkContext spark) {
        String master = spark.master();
        if (!master.startsWith("spark://") || master.contains(",")) {
            return Optional.empty();
        }
        try {
            RpcEndpointRef endpoint = SparkEnv.get().rpcEnv().setupEndpointRef(RpcAddress.fromSparkURL(master),
                    "Master");
            DeployMessages.MasterStateResponse state = endpoint.askSync(DeployMessages.RequestMasterState$.MODULE$,
                    ClassTag$.MODULE$.apply(DeployMessages.MasterStateResponse.class));
            String application = spark.sc().applicationId();
            int granted = Arrays.stream(state.activeApps()).filter(app -> app.id().equals(application))
                    .mapToInt(ApplicationInfo::coresGranted).sum();
            List<Worker> workers = Arrays.stream(state.workers()).filter(worker -> worker.isAlive())
                    .map(worker -> new Worker(worker.coresFree(), worker.memoryFree(), gpusFree(worker))).toList();
            SparkConf conf = spark.getConf();
            return Optional.of(new StandaloneCapacity(master, granted, workers, spark.sc().executorMemory(),
                    conf.getInt("spark.executor.cores", 0), conf.getInt("spark.executor.resource.gpu.amount", 0)));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(StandaloneCapacity.class).warn("cannot ask " + master + " for its workers", e);
            return Optional.empty();
        }
    }

    private static int gpusFree(WorkerInfo worker) {
        Object free = worker.resourcesAmountFree().getOrElse(GPU, () -> 0);
        return free instanceof Number number ? number.intValue() : 0;
    }

    private static final String GPU = "gpu";

    /** The task slots this application can have at once: those granted, and those free workers can host. */
    public int slots() {
        int free = 0;
        for (Worker worker : workers) {
            int byGpus = executorGpus == 0 ? Integer.MAX_VALUE : worker.gpusFree() / executorGpus;
            if (executorCores == 0) {
                free += worker.memoryFreeMb() >= executorMemoryMb && byGpus > 0 ? worker.coresFree() : 0;
            } else {
                free += executorCores * Math.min(byGpus, Math.min(worker.coresFree() / executorCores,
                        worker.memoryFreeMb() / executorMemoryMb));
            }
        }
        return granted + free;
    }

    /** The most GPUs any live worker has free. */
    public int largestFreeGpus() {
        return workers.stream().mapToInt(Worker::gpusFree).max().orElse(0);
    }

    /** The most memory any live worker has free, in MB. */
    public int largestFreeMemoryMb() {
        return workers.stream().mapToInt(Worker::memoryFreeMb).max().orElse(0);
    }
}
