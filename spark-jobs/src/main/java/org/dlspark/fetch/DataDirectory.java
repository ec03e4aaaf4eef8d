package org.dlspark.fetch;

import java.nio.file.Path;

/**
 * Where fetched data sets live: {@code $DLSPARK_DATA} when set, else {@code data/} in the DLSpark installation
 * (the {@code dlspark.home} system property that {@code scripts/dlspark} sets), else {@code data/} here.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** The default data directory. */
    public static Path defaultPath() {
        String fromEnvironment = System.getenv("DLSPARK_DATA");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        return Path.of(System.getProperty("dlspark.home", "."), "data");
    }
}
