package org.dlspark.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of DLSpark that is running: the project version and the Git commit the application jar was built
 * from ({@code 0.1.0-SNAPSHOT+1a2b3c4}, with {@code -dirty} when the working tree had uncommitted changes), as
 * recorded at build time in {@code dlspark-git.properties}.
 */
public final class CodeVersion {

    private static final String RESOURCE = "/dlspark-git.properties";

    private CodeVersion() {
    }

    /** This build's version, or {@code unknown} when it was built outside a Git checkout. */
    public static String current() {
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties git = new Properties();
            git.load(in);
            String version = git.getProperty("git.build.version", "unknown");
            String commit = git.getProperty("git.commit.id.abbrev");
            if (commit == null || commit.isBlank()) {
                return version;
            }
            return version + "+" + commit + ("true".equals(git.getProperty("git.dirty")) ? "-dirty" : "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
