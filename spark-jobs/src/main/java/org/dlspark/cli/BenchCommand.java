package org.dlspark.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dlspark.bench.BenchReport;
import org.dlspark.bench.BenchRunner;
import org.dlspark.bench.BenchSetting;
import org.dlspark.bench.BenchWorkload;
import org.dlspark.fetch.DefaultDataSet;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.zoo.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark bench}: trains models in every setting and tabulates speed, accuracy, traffic and memory. */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Trains each model for the same epochs in each setting (one JVM with 1 or 2 threads; "
            + "two one-thread JVMs side by side; parameter averaging and gradient sharing on 2 one-core executors "
            + "of a standalone cluster, and in local[2]; train's defaults), each in a JVM of its own with ND4J's "
            + "thread pools pinned, beside PyTorch training the same network on the same examples with 1 and 2 "
            + "threads, and writes MODEL.json, results.md and examples-per-second.png. scripts/bench starts the "
            + "cluster, installs PyTorch (Debian's python3-torch) when missing and runs this.",
            "Exit status: 0 when every setting ran, 1 when one failed."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--models", paramLabel = "NAMES", split = ",", defaultValue = "cnn,lstm",
            description = "Zoo classifiers to benchmark.")
    private List<String> models;

    @Option(names = "--settings", paramLabel = "IDS", split = ",",
            defaultValue = "one-jvm-1-thread,one-jvm-2-threads,side-by-side,averaging-cluster,sharing-cluster,"
                    + "averaging-cluster-driver-data,sharing-cluster-driver-data,averaging-local,sharing-local,train-defaults,pytorch-1-thread,pytorch-2-threads,"
                    + "one-jvm-1-thread-again",
            description = "Settings to run, in this order. one-jvm-1-thread is the baseline of the efficiency, "
                    + "one-jvm-1-thread-again the same run at the end (the efficiency divides by their mean, so that "
                    + "a host that drifted is taken at its middle); side-by-side, two one-thread JVMs that never "
                    + "communicate, what two separate JVMs reach on the machine; train-defaults, 'dlspark train' without "
                    + "options (2 workers in local[2], each fitting the whole minibatch); pytorch-*, the same network "
                    + "and examples in PyTorch, the peer the 'of PyTorch' column divides by.")
    private List<String> settings;

    @Option(names = "--cluster", paramLabel = "URL",
            description = "The standalone master the cluster settings run on (2 workers of 1 core).")
    private String cluster;

    @Option(names = "--pin-cores", description = "Bind each training process to the CPUs its setting gives it "
            + "(taskset): one JVM and local[N] to the first N, processes side by side to one each; the cluster "
            + "settings' driver, which shares the executors' cores, runs at nice 10. Start the cluster with "
            + "'spark-cluster start --pin' to bind its workers too (scripts/bench does both). Without it, a "
            + "one-thread JVM's compiler and collector threads use the idle cores.")
    private boolean pinCores;

    @Option(names = "--data", paramLabel = "MODEL=DIR",
            description = "A model's data folder (Hadoop path). Default: the fetched data set, installed if missing.")
    private Map<String, String> data = Map.of();

    @Option(names = "--python", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "The Python with PyTorch that runs the peer settings (Debian's python3-torch).")
    private String python;

    @Option(names = "--out", paramLabel = "DIR", description = "Where results and runs go. Default: bench/.")
    private Path out;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs. Default: 3.")
    private Integer epochs;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Training examples. Default: all 60,000 images for the cnn, every email for text models.")
    private Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N",
            description = "Test examples. Default: all 10,000 images, every held-out email.")
    private Integer testLimit;

    @Override
    public Integer call() throws Exception {
        List<BenchSetting> chosen = settings.stream().map(BenchSetting::byId).toList();
        if (cluster == null && chosen.stream().anyMatch(s -> s.where() == BenchSetting.Where.CLUSTER)) {
            throw new InvalidSettingException("--cluster", "the cluster settings need a standalone master's URL "
                    + "(scripts/bench starts a cluster and passes it)");
        }
        List<BenchWorkload> workloads = models.stream().map(this::workload).toList();
        Path folder = out != null ? out : Defaults.home().resolve("bench");
        List<String> peer = List.of(python, Defaults.home().resolve("scripts/peers/pytorch_peer.py").toString());
        BenchRunner runner = new BenchRunner(launcher(), peer, folder.resolve("runs"), cluster, pinCores, System.out);
        BenchReport report = BenchReport.keepingEarlier(folder);
        boolean allRan = runner.runAll(workloads, chosen, report);
        System.out.println();
        System.out.print(report.markdown());
        System.out.println("written: " + folder.resolve(BenchReport.TABLE_FILE) + ", "
                + folder.resolve(BenchReport.CHART_FILE) + " and one JSON file per model");
        return allRan ? 0 : 1;
    }

    private BenchWorkload workload(String model) {
        String folder = data.containsKey(model) ? data.get(model)
                : DefaultDataSet.forModel(ModelZoo.create(model, Map.of()), System.out);
        BenchWorkload defaults = BenchWorkload.defaults(model, folder);
        return new BenchWorkload(model, folder, epochs != null ? epochs : defaults.epochs(), defaults.batchSize(),
                trainLimit != null ? trainLimit : defaults.trainLimit(),
                testLimit != null ? testLimit : defaults.testLimit());
    }

    /** The command that runs DLSpark's command line in a new JVM like this one. */
    private static List<String> launcher() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DlSpark.class.getName()));
        return command;
    }
}
