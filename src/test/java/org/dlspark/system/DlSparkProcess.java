package org.dlspark.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/dlspark} as a separate process, the way a user does, and captures what it printed. */
final class DlSparkProcess {

    /** The repository root, set by the build (system property {@code dlspark.repo}). */
    static final Path REPO = Path.of(System.getProperty("dlspark.repo", "..")).toAbsolutePath().normalize();

    /** How a run ended. */
    record Outcome(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private DlSparkProcess() {
    }

    static Outcome run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPO.resolve("scripts/dlspark").toString());
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("dlspark-out", ".txt");
        Path stderr = Files.createTempFile("dlspark-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            builder.environment().putIfAbsent("DLSPARK_DRIVER_MEMORY", "3g");
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("dlspark " + String.join(" ", args) + " did not finish in 15 minutes");
            }
            return new Outcome(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    static Outcome run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }
}
