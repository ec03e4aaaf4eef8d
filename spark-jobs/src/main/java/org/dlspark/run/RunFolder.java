package org.dlspark.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dlspark.io.FileTrees;

/**
 * The output folder of one run, built under a hidden temporary name beside its final place and renamed there only
 * when the run succeeds, so that a failed or killed run never leaves a half-written run folder behind. The hidden
 * folder is removed when the run fails, and when the JVM is stopped (Ctrl-C, SIGTERM); only a hard kill (SIGKILL)
 * leaves it.
 */
public final class RunFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean committed;

    /** Removes the unfinished folder when the JVM is stopped (Ctrl-C, SIGTERM) before the run ends. */
    private final Thread cleanupOnExit;

    private RunFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.cleanupOnExit = new Thread(this::deleteStaging, "remove unfinished run folder");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * Starts a run folder that will become {@code target}.
     *
     * @throws FileAlreadyExistsException when {@code target} exists already
     */
    public static RunFolder start(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the run folder exists already");
        }
        Path parent = Files.createDirectories(absolute.getParent());
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        return new RunFolder(absolute, staging);
    }

    /** A path inside the run folder, for writing while the run goes on. */
    public Path resolve(String name) {
        return staging.resolve(name);
    }

    /** The place the run folder will have once committed. */
    public Path target() {
        return target;
    }

    /** Moves the completed run folder into its final place. */
    public Path commit() throws IOException {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        forgetCleanupOnExit();
        return target;
    }

    /** Deletes the temporary folder unless the run was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        forgetCleanupOnExit();
        deleteStaging();
    }

    private void forgetCleanupOnExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is stopping: the hook runs, and deleting a deleted folder is harmless.
        }
    }

    private void deleteStaging() {
        try {
            FileTrees.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished run folder " + staging, e);
        }
    }
}
