package org.dlspark.spark;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.train.InvalidSettingException;

/**
 * Checks, before any training, that the JVMs of an application DLSpark did not start (a user's, calling the Spark ML
 * API) open the packages of {@code conf/jvm.options}: the driver's here, the executors' with one short job. Without
 * them a barrier stage fails three times deep inside Aeron or ND4J; with this check the application is refused at
 * once, naming the setting that fixes it.
 */
public final class ExecutorModuleCheck {

    private ExecutorModuleCheck() {
    }

    /**
     * Refuses {@code spark} when its driver or an executor that runs one of {@code tasks} probe tasks lacks a flag.
     *
     * @throws InvalidSettingException naming {@code spark.driver.extraJavaOptions} or
     *     {@code spark.executor.extraJavaOptions} and the flags to give
     */
    public static void require(JavaSparkContext spark, int tasks) {
        String options = ModuleOpens.bundledOptions();
        List<String> required = ModuleOpens.listedIn(options);
        String flags = String.join(" ", options.strip().split("\\s+"));
        List<String> closedOnDriver = ModuleOpens.closedHere(required);
        if (!closedOnDriver.isEmpty()) {
            throw new InvalidSettingException("spark.driver.extraJavaOptions", "the driver's JVM does not open "
                    + String.join(", ", closedOnDriver) + ", which DL4J, Spark and Aeron need: start it with "
                    + flags);
        }
        if (spark.master().startsWith("local")) {
            return;
        }
        List<String> closed = spark.parallelize(IntStream.range(0, tasks).boxed().toList(), tasks)
                .flatMap(task -> ModuleOpens.closedHere(required).iterator()).distinct().collect();
        if (!closed.isEmpty()) {
            throw new InvalidSettingException("spark.executor.extraJavaOptions", "the executors' JVMs do not open "
                    + String.join(", ", closed) + ", which DL4J and Aeron need: give spark-submit --conf "
                    + "\"spark.executor.extraJavaOptions=" + flags + "\" (conf/jvm.options; scripts/spark-submit "
                    + "gives it)");
        }
    }
}
