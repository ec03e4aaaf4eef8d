package org.dlspark.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The places commands fall back on: DLSpark's home and a new run folder in it. */
final class Defaults {

    private Defaults() {
    }

    /** {@code runs/PREFIX-YYYYMMDD-HHMMSS} under DLSpark's home. */
    static Path runFolder(String prefix) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return home().resolve("runs").resolve(prefix + "-" + stamp);
    }

    /** DLSpark's home: the checkout the command runs from. */
    static Path home() {
        return Path.of(System.getProperty("dlspark.home", "."));
    }
}
