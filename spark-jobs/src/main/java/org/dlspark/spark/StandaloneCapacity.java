package org.dlspark.spark;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.deploy.DeployMessages;
import org.apache.spark.deploy.master.ApplicationInfo;
import org.apache.spark.rpc.RpcAddress;
import org.apache.spark.rpc.RpcEndpointRef;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;

/**
 * The task slots a Spark standalone master can give this application at once: the cores it has granted it already,
 * and those of the live workers with room for one more of its executors (their free memory and cores). It asks the
 * master for its state, the message the master's web UI uses. Spark itself would wait for ever for executors no
 * worker can host, repeating "Initial job has not accepted any resources".
 *
 * @param master the master's URL
 * @param granted cores granted to this application
 * @param workers the live workers
 * @param executorMemoryMb the heap each executor asks ({@code spark.executor.memory})
 * @param executorCores the cores each executor asks ({@code spark.executor.cores}), 0 for all of a worker's
 */
public record StandaloneCapacity(String master, int granted, List<Worker> workers, int executorMemoryMb,
        int executorCores) {

    /** A live worker's free cores and memory. */
    public record Worker(int coresFree, int memoryFreeMb) {
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
                    .map(worker -> new Worker(worker.coresFree(), worker.memoryFree())).toList();
            SparkConf conf = spark.getConf();
            return Optional.of(new StandaloneCapacity(master, granted, workers, spark.sc().executorMemory(),
                    conf.getInt("spark.executor.cores", 0)));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(StandaloneCapacity.class).warn("cannot ask " + master + " for its workers", e);
            return Optional.empty();
        }
    }

    /** The task slots this application can have at once: those granted, and those free workers can host. */
    public int slots() {
        int free = 0;
        for (Worker worker : workers) {
            if (executorCores == 0) {
                free += worker.memoryFreeMb() >= executorMemoryMb ? worker.coresFree() : 0;
            } else {
                free += executorCores * Math.min(worker.coresFree() / executorCores,
                        worker.memoryFreeMb() / executorMemoryMb);
            }
        }
        return granted + free;
    }

    /** The most memory any live worker has free, in MB. */
    public int largestFreeMemoryMb() {
        return workers.stream().mapToInt(Worker::memoryFreeMb).max().orElse(0);
    }
}
