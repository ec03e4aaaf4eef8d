package org.dlspark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dlspark.doctor.Doctor;
import org.dlspark.train.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dlspark doctor}: checks what a job needs before it runs; exit 0 when every check passes, 1 otherwise. */
@Command(name = "doctor", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Checks what a training job needs, one verdict per line with what to do when it fails: the "
            + "Java version and JVM flags; ND4J's native library and the CPU's features; the data's manifest and "
            + "checksums (--data); that the output location takes files (--out); the Spark master, and room on it "
            + "for the workers (free cores and memory against what the executors ask); for the mesh strategies, "
            + "that the executors reach each other over UDP (a short exchange among them in a barrier stage) and "
            + "have room for Aeron's files, and that dynamic allocation is off.",
            "Exit status 0 when every check passes, 1 otherwise. Spark settings: --spark-conf spark.KEY=VALUE."})
final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "URI", description = "Data folder a job would read (as for train).")
    private String data;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "cnn",
            description = "The model the data is read for, when the data folder is not preprocessed.")
    private String model;

    @Option(names = "--out", paramLabel = "URI", description = "Output location a job would write.")
    private String out;

    @Option(names = "--strategy", paramLabel = "S", defaultValue = "parameter-averaging",
            description = "parameter-averaging or gradient-sharing (checks the executors), or single-jvm.")
    private String strategy;

    @Mixin
    private SparkOptions spark;

    @Override
    public Integer call() {
        Path jvmOptions = Path.of(System.getProperty("dlspark.home", ".")).resolve("conf/jvm.options");
        Doctor.Settings settings = new Doctor.Settings(spark.master, data, model, out, Strategy.of(strategy),
                spark.workers, jvmOptions);
        return new Doctor(settings).run(System.out) ? 0 : 1;
    }
}
