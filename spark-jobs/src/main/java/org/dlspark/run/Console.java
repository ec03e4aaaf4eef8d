package org.dlspark.run;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The console's error stream, kept for DLSpark's own messages. When the run has a log file ({@code scripts/dlspark}
 * names it in {@value #LOG_FILE_PROPERTY}) and {@code --verbose} is off, {@link #divertLibraryOutput} sends what
 * else the JVM prints to standard error into that file: libraries that print stack traces themselves, such as
 * Scala's report of a Spark callback that fails while Spark shuts down, would otherwise put pages of them on the
 * console.
 */
public final class Console {

    /** The system property that names the run's log file. */
    public static final String LOG_FILE_PROPERTY = "dlspark.log.file";
    /** The system property {@code scripts/dlspark} sets to {@code info} for {@code --verbose}, else {@code off}. */
    public static final String LEVEL_PROPERTY = "dlspark.console.level";

    private static volatile PrintStream errors = System.err;

    private Console() {
    }

    /** Where DLSpark's own error messages go: the console's standard error. */
    public static PrintStream errors() {
        return errors;
    }

    /** Diverts standard error to the log file, if the run has one and is not verbose; keeps the console for us. */
    public static synchronized void divertLibraryOutput() {
        String log = System.getProperty(LOG_FILE_PROPERTY);
        if (log == null || !"off".equals(System.getProperty(LEVEL_PROPERTY, "off")) || errors != System.err) {
            return;
        }
        try {
            PrintStream file = new PrintStream(new FileOutputStream(log, true), true, StandardCharsets.UTF_8);
            errors = System.err;
            System.setErr(file);
        } catch (IOException e) {
            System.err.println("dlspark: cannot write the log file " + log + ": " + e.getMessage());
        }
    }
}
