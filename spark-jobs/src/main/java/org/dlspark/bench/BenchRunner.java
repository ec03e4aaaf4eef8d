package org.dlspark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.dlspark.io.FileTrees;
import org.dlspark.io.Json;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.TrainJob;

/**
 * Runs one setting of the benchmark: a {@code train} job in a JVM of its own (two at once for the side-by-side
 * setting), or the PyTorch peer's script on the same examples ({@link PeerArrays}), so that each setting starts cold
 * and its thread pools can be pinned through the environment; the output is kept in a log beside the run folder and
 * the epoch lines of the first process are echoed.
 */
public final class BenchRunner {

    private static final Pattern EPOCH_LINE = Pattern.compile("^epoch \\d+/\\d+  loss");
    /**
     * The cluster settings' driver shares the executors' cores here, where on a cluster it would have a machine of
     * its own: it runs at a lower priority, so that its compiler and Spark's bookkeeping take the cores when the
     * executors leave them idle (between epochs, when the driver's work is what they wait for).
     */
    private static final String DRIVER_NICENESS = "10";

    private final List<String> launcher;
    private final List<String> peer;
    private final Path runs;
    private final String cluster;
    private final boolean pinCores;
    private final PrintStream out;
    /** The examples exported for the PyTorch settings in this run, by workload: written once, at its first. */
    private final Map<BenchWorkload, Path> peerArrays = new HashMap<>();

    /**
     * @param launcher the command that runs DLSpark's command line in a new JVM (java, its options, classpath and
     *     main class)
     * @param peer the command that runs the PyTorch peer's script (Python and the script)
     * @param runs the folder that receives each setting's run folder and log
     * @param cluster the standalone master's URL, or null when no cluster setting runs
     * @param pinCores whether each process runs under {@code taskset}, bound to the CPUs its setting gives it
     *     ({@link BenchSetting#cpus}), and the cluster settings' driver at a lower priority ({@code nice})
     */
    public BenchRunner(List<String> launcher, List<String> peer, Path runs, String cluster, boolean pinCores,
            PrintStream out) {
        this.launcher = List.copyOf(launcher);
        this.peer = List.copyOf(peer);
        this.runs = runs;
        this.cluster = cluster;
        this.pinCores = pinCores;
        this.out = out;
    }

    /**
     * Runs every setting of {@code settings} on every workload, in this order, adding each result to {@code report}
     * as it comes (so that a run cut short keeps what it measured).
     *
     * @return whether every run succeeded
     */
    public boolean runAll(List<BenchWorkload> workloads, List<BenchSetting> settings, BenchReport report)
            throws IOException, InterruptedException {
        boolean allRan = true;
        for (BenchWorkload workload : workloads) {
            List<BenchResult> results = new ArrayList<>();
            for (BenchSetting setting : settings) {
                BenchResult result = run(workload, setting);
                allRan &= result.succeeded();
                results.add(result);
                report.add(workload, pinCores, results);
            }
        }
        return allRan;
    }

    /** Trains {@code workload} in {@code setting} and returns what it measured; a failed run is a failed result. */
    public BenchResult run(BenchWorkload workload, BenchSetting setting) throws IOException, InterruptedException {
        String name = workload.model() + "-" + setting.id();
        out.printf("%s, %s: training (log: %s)%n", workload.model(), setting.label(), runs.resolve(name + ".log"));
        List<Training> trainings = new ArrayList<>();
        for (int process = 1; process <= setting.processes(); process++) {
            String processName = setting.processes() == 1 ? name : name + "-" + process;
            trainings.add(start(workload, setting, process, runs.resolve(processName)));
        }
        // Every process ends before the result is known, so that none outlives its setting.
        List<Integer> statuses = new ArrayList<>();
        for (Training training : trainings) {
            statuses.add(training.finish());
        }
        List<BenchResult> results = new ArrayList<>();
        for (int i = 0; i < trainings.size(); i++) {
            Training training = trainings.get(i);
            if (statuses.get(i) != 0) {
                return BenchResult.failed(setting, "train exited with status " + statuses.get(i) + "; see "
                        + training.log);
            }
            String metrics = Files.readString(training.folder.resolve(TrainJob.METRICS_FILE));
            results.add(BenchResult.of(setting, Json.parse(metrics, JsonNode.class)));
        }
        return results.size() == 1 ? results.get(0) : BenchResult.sideBySide(setting, results);
    }

    /** A training process: its run folder and log, and the thread that copies its output into the log. */
    private record Training(Process process, Thread output, Path folder, Path log) {

        /** Waits for the process and its output; returns its exit status. */
        int finish() throws InterruptedException {
            int status = process.waitFor();
            output.join();
            return status;
        }
    }

    private Training start(BenchWorkload workload, BenchSetting setting, int process, Path folder)
            throws IOException {
        Path log = Path.of(folder + ".log");
        FileTrees.delete(folder);
        Files.createDirectories(runs);
        List<String> command = new ArrayList<>();
        String cpus = setting.cpus(process);
        if (pinCores && cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        } else if (pinCores && setting.where() == BenchSetting.Where.CLUSTER) {
            command.addAll(List.of("nice", "-n", DRIVER_NICENESS));
        }
        if (setting.isPeer()) {
            Path arrays = peerArrays.get(workload);
            if (arrays == null) {
                arrays = PeerArrays.write(workload, runs.resolve(workload.model() + "-arrays"));
                peerArrays.put(workload, arrays);
            }
            command.addAll(peer);
            command.addAll(workload.peerOptions(setting));
            command.addAll(List.of("--arrays", arrays.toString()));
        } else {
            command.addAll(launcher);
            command.add("train");
            command.addAll(workload.trainOptions(setting));
            command.addAll(setting.trainOptions(cluster));
        }
        command.addAll(List.of("--out", folder.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (String variable : SparkContexts.NATIVE_THREAD_VARIABLES) {
            builder.environment().put(variable, Integer.toString(setting.nativeThreads()));
        }
        Process started = builder.start();
        Thread output = new Thread(() -> copyOutput(started, log, process == 1),
                "bench output " + folder.getFileName());
        output.start();
        return new Training(started, output, folder, log);
    }

    /** Copies the process's output into {@code log}, echoing its epoch lines when {@code echo}. */
    private void copyOutput(Process process, Path log, boolean echo) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer writer = Files.newBufferedWriter(log)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                writer.write(line);
                writer.write('\n');
                if (echo && EPOCH_LINE.matcher(line).find()) {
                    out.println("  " + line);
                }
            }
        } catch (IOException e) {
            out.println("cannot keep the output of " + log + ": " + e.getMessage());
        }
    }
}
