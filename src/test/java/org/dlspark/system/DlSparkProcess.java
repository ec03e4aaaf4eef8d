package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dlspark.io.FileTrees;

/** Runs the project's scripts as separate processes, the way a user does, and captures what they printed. */
final class DlSparkProcess {

    /** The repository root, set by the build (system property {@code dlspark.repo}). */
    static final Path REPO = Path.of(System.getProperty("dlspark.repo", "..")).toAbsolutePath().normalize();

    /** The Fashion-MNIST folder that {@code dlspark fetch-data} installs before the tests run. */
    static final Path FASHION_MNIST = Path.of(System.getenv().getOrDefault("DLSPARK_DATA",
            REPO.resolve("data").toString())).resolve("fashion-mnist");

    /** How a run ended, with what it printed and what it logged (Spark's and DL4J's lines, stack traces). */
    record Outcome(int exitCode, String stdout, String stderr, String log) {

        /** The lines a person sees on the console: stdout's and stderr's, blank ones left out. */
        List<String> consoleLines() {
            return java.util.stream.Stream.concat(stdout.lines(), stderr.lines()).filter(line -> !line.isBlank())
                    .toList();
        }

        /** Lines in a logger's layout (time, level, logger): Spark's, Hadoop's or DL4J's log on the console. */
        List<String> logLines() {
            return consoleLines().stream()
                    .filter(line -> line.matches("\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO|WARN|ERROR) .*")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private DlSparkProcess() {
    }

    /** Runs {@code scripts/dlspark} with extra environment variables. */
    static Outcome run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return runScript(environment, "scripts/dlspark", args);
    }

    /** Runs {@code scripts/dlspark}. */
    static Outcome run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    /**
     * Starts {@code scripts/dlspark} in the background, its output (stdout and stderr) going to {@code log}, for a
     * test that stops it midway.
     */
    static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("scripts/dlspark").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putIfAbsent("DLSPARK_DRIVER_MEMORY", "3g");
        return builder.start();
    }

    /** {@code options} followed by {@code more}, as one command line. */
    static String[] args(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Something a test waits for; checking it may read files. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws IOException;
    }

    /**
     * Waits up to 5 minutes, while {@code process} runs, for {@code reached}, then kills the process and its
     * children (SIGKILL), as a lost machine would.
     *
     * @return whether {@code reached} held
     */
    static boolean killWhen(Process process, Condition reached) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!reached.holds() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        boolean held = reached.holds();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        return held;
    }

    /** Waits, while {@code process} runs and for at most {@code wait}, until {@code output} holds {@code text}. */
    static void awaitOutput(Process process, Path output, String text, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.readString(output).contains(text)) {
            assertTrue(process.isAlive() && System.nanoTime() < deadline,
                    () -> "no '" + text + "': " + readLog(output));
            Thread.sleep(100);
        }
    }

    /** A log's text, or why it cannot be read, for a failure message. */
    static String readLog(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Runs a script of the repository, {@code script} relative to its root. */
    static Outcome runScript(String script, String... args) throws IOException, InterruptedException {
        return runScript(Map.of(), script, args);
    }

    /** Runs a script of the repository with extra environment variables. */
    static Outcome runScript(Map<String, String> environment, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve(script).toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("dlspark-out", ".txt");
        Path stderr = Files.createTempFile("dlspark-err", ".txt");
        Path logs = Files.createTempDirectory("dlspark-logs");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().put("DLSPARK_LOG_DIR", logs.toString());
            builder.environment().putAll(environment);
            builder.environment().putIfAbsent("DLSPARK_DRIVER_MEMORY", "3g");
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 15 minutes");
            }
            return new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), readLogs(logs));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            FileTrees.delete(logs);
        }
    }

    /** The log files {@code scripts/dlspark} wrote in {@code folder} (its DLSPARK_LOG_DIR), one after the other. */
    static String readLogs(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
