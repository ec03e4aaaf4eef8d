package org.dlspark.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a system tool (apt-get, npm, dpkg-deb, tar) in a folder and fails with its output when it fails. */
final class ExternalCommand {

    private static final int OUTPUT_TAIL_CHARS = 2000;

    private ExternalCommand() {
    }

    /** The outcome of a finished command. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        String tail() {
            String trimmed = output.strip();
            return trimmed.length() <= OUTPUT_TAIL_CHARS ? trimmed
                    : "..." + trimmed.substring(trimmed.length() - OUTPUT_TAIL_CHARS);
        }
    }

    /** Runs {@code command} in {@code folder}, stdout and stderr merged, and returns how it ended. */
    static Result run(Path folder, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new FetchException("cannot run '" + command.get(0) + "': " + e.getMessage()
                    + "; install it or fetch the data by hand", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Runs {@code command} and throws, with its output, unless it exits with 0. */
    static void runOrFail(Path folder, List<String> command) {
        Result result = run(folder, command);
        if (!result.succeeded()) {
            throw new FetchException("'" + String.join(" ", command) + "' failed with exit code " + result.exitCode()
                    + ":\n" + result.tail());
        }
    }
}
