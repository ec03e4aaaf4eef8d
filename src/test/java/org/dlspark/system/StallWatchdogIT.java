package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops one executor JVM of a two-worker standalone cluster with SIGSTOP in the middle of a gradient-sharing epoch:
 * the driver's stall watchdog fires after {@code --stall-timeout}, writes the executors' thread dumps into the run
 * folder and runs the epoch again. Continued, the executor lets the repeated epoch finish with the undisturbed
 * run's accuracy; left stopped, it makes the epoch stall a second time and the job end with one message that names
 * the worker, its host and its dump file. Neither run waits past the timeout.
 */
class StallWatchdogIT {

    private static final int STALL_SECONDS = 15;
    /** The watchdog's wait for thread dumps (10 s) and slack for a loaded machine. */
    private static final int REACTION_SECONDS = 10 + 15;
    /** Spark's shutdown, which may wait for the stopped executor a while. */
    private static final int SHUTDOWN_SECONDS = 40;
    private static final List<String> RUN = List.of("train", "--model", "cnn", "--strategy", "gradient-sharing",
            "--epochs", "3", "--train-limit", "9600", "--test-limit", "500", "--baseline", "false",
            "--stall-timeout", Integer.toString(STALL_SECONDS));

    @TempDir
    static Path dir;

    @RegisterExtension
    static final LocalCluster CLUSTER = new LocalCluster();

    @Test
    void aStoppedExecutorThatIsContinuedCostsOneRepeatedEpoch() throws Exception {
        Path undisturbed = dir.resolve("undisturbed");
        DlSparkProcess.Outcome reference = DlSparkProcess.run(args(undisturbed));
        assertEquals(0, reference.exitCode(), reference::toString);

        Path stalled = dir.resolve("continued");
        Path console = dir.resolve("continued.txt");
        Process training = DlSparkProcess.start(console, args(stalled));
        ProcessHandle executor = stopAnExecutorInEpoch2(training, console);
        long stopped = System.nanoTime();
        try {
            DlSparkProcess.awaitOutput(training, console, "running the epoch again from its start",
                    Duration.ofMinutes(5));
            double seconds = (System.nanoTime() - stopped) / 1e9;
            System.out.printf("the watchdog reported the stall %.1f s after SIGSTOP%n", seconds);
            assertTrue(seconds >= STALL_SECONDS && seconds <= STALL_SECONDS + REACTION_SECONDS, "after " + seconds);
        } finally {
            continueProcess(executor);
        }
        assertTrue(training.waitFor(5, TimeUnit.MINUTES), "the job ended");
        String text = DlSparkProcess.readLog(console);
        assertEquals(0, training.exitValue(), text);

        Path dumps = stalled.resolve("stalls/epoch-2-attempt-1");
        List<String> files = listNames(dumps);
        assertEquals(2, files.size(), files::toString);
        String all = Files.readString(dumps.resolve(files.get(0))) + Files.readString(dumps.resolve(files.get(1)));
        assertTrue(all.contains("did not answer"), all);
        assertTrue(all.contains("org.dlspark.train.sharing"), "the running worker's stack");

        ObjectMapper json = new ObjectMapper();
        double expected = json.readTree(undisturbed.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        double actual = json.readTree(stalled.resolve("metrics.json").toFile()).get("accuracy").asDouble();
        System.out.printf("an executor stopped in epoch 2 and continued: test accuracy %.4f, undisturbed %.4f%n",
                actual, expected);
        assertTrue(Math.abs(actual - expected) <= 0.01, actual + " vs " + expected);
    }

    @Test
    void aStoppedExecutorThatStaysStoppedEndsTheJobWithOneMessage() throws Exception {
        Path stalled = dir.resolve("stopped");
        Path console = dir.resolve("stopped.txt");
        Process training = DlSparkProcess.start(console, args(stalled));
        ProcessHandle executor = stopAnExecutorInEpoch2(training, console);
        long stopped = System.nanoTime();
        try {
            assertTrue(training.waitFor(2 * (STALL_SECONDS + REACTION_SECONDS) + SHUTDOWN_SECONDS, TimeUnit.SECONDS),
                    () -> "still running: " + DlSparkProcess.readLog(console));
            System.out.printf("the job ended %.1f s after SIGSTOP%n", (System.nanoTime() - stopped) / 1e9);
        } finally {
            continueProcess(executor);
        }
        String text = DlSparkProcess.readLog(console);
        assertEquals(1, training.exitValue(), text);
        assertTrue(text.lines().noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception")), text);
        String last = text.strip().lines().reduce((first, second) -> second).orElse("");
        assertTrue(last.contains("training stalled") && last.contains("stalled twice"), text);
        Matcher named = Pattern.compile("worker \\d \\(executor (\\d+) on 127\\.0\\.0\\.1\\).*see (\\S+\\.txt)")
                .matcher(last);
        assertTrue(named.find(), last);
        Path dump = Path.of(named.group(2));
        assertTrue(Files.readString(dump).contains("executor " + named.group(1) + " did not answer"), dump::toString);
        assertTrue(dump.startsWith(dir.resolve(".stopped.partial")), dump + " is kept in the hidden run folder");
    }

    private static String[] args(Path out) {
        List<String> args = new ArrayList<>(RUN);
        args.addAll(List.of("--master", CLUSTER.master(), "--out", out.toString()));
        return args.toArray(String[]::new);
    }

    /** Waits for the first epoch's line, then stops one executor JVM of the cluster 2 s later. */
    private static ProcessHandle stopAnExecutorInEpoch2(Process training, Path console) throws Exception {
        DlSparkProcess.awaitOutput(training, console, "epoch 1/3", Duration.ofMinutes(5));
        Thread.sleep(2000);
        ProcessHandle executor = CLUSTER.anExecutor();
        signal("STOP", executor);
        return executor;
    }

    private static void continueProcess(ProcessHandle executor) throws Exception {
        if (executor.isAlive()) {
            signal("CONT", executor);
        }
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
    }

    private static List<String> listNames(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
