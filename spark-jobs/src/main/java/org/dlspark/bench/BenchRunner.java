package org.dlspark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dlspark.io.FileTrees;
import org.dlspark.spark.SparkContexts;
import org.dlspark.train.TrainJob;

/**
 * Runs one setting of the benchmark: a {@code train} job in a JVM of its own (so that each setting starts cold and
 * its thread pools can be pinned through the environment), its output kept in a log beside the run folder and its
 * epoch lines echoed.
 */
public final class BenchRunner {

    private static final Pattern EPOCH_LINE = Pattern.compile("^epoch \\d+/\\d+  loss");

    private final List<String> launcher;
    private final Path runs;
    private final String cluster;
    private final PrintStream out;

    /**
     * @param launcher the command that runs DLSpark's command line in a new JVM (java, its options, classpath and
     *     main class)
     * @param runs the folder that receives each setting's run folder and log
     * @param cluster the standalone master's URL, or null when no cluster setting runs
     */
    public BenchRunner(List<String> launcher, Path runs, String cluster, PrintStream out) {
        this.launcher = List.copyOf(launcher);
        this.runs = runs;
        this.cluster = cluster;
        this.out = out;
    }

    /** Trains {@code workload} in {@code setting} and returns what it measured; a failed run is a failed result. */
    public BenchResult run(BenchWorkload workload, BenchSetting setting) throws IOException, InterruptedException {
        String name = workload.model() + "-" + setting.id();
        Path folder = runs.resolve(name);
        Path log = runs.resolve(name + ".log");
        FileTrees.delete(folder);
        Files.createDirectories(runs);
        List<String> command = new ArrayList<>(launcher);
        command.add("train");
        command.addAll(workload.trainOptions(setting));
        command.addAll(setting.trainOptions(cluster));
        command.addAll(List.of("--out", folder.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (String variable : SparkContexts.NATIVE_THREAD_VARIABLES) {
            builder.environment().put(variable, Integer.toString(setting.nativeThreads()));
        }
        out.printf("%s, %s: training (log: %s)%n", workload.model(), setting.label(), log);
        Process process = builder.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer writer = Files.newBufferedWriter(log)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                writer.write(line);
                writer.write('\n');
                if (EPOCH_LINE.matcher(line).find()) {
                    out.println("  " + line);
                }
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            return BenchResult.failed(setting, "train exited with status " + status + "; see " + log);
        }
        JsonNode metrics = new ObjectMapper().readTree(folder.resolve(TrainJob.METRICS_FILE).toFile());
        return BenchResult.of(setting, metrics);
    }
}
