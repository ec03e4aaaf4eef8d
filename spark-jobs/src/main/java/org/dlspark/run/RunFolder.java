package org.dlspark.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.dlspark.io.FileTrees;

/**
 * The output folder of one run, built under a hidden name beside its final place ({@code .NAME.partial}) and
 * renamed there only when the run succeeds, so that a failed or killed run never leaves a half-written run folder.
 * A run that stops early (failure, Ctrl-C, SIGTERM, SIGKILL) leaves its hidden folder behind only when it holds
 * checkpoints ({@link #CHECKPOINTS}), for {@code --resume}; otherwise the folder is removed.
 */
public final class RunFolder implements AutoCloseable {

    /** The sub-folder holding checkpoints; a hidden folder with one is kept for resuming. */
    public static final String CHECKPOINTS = "checkpoints";

    private final Path target;
    private final Path staging;
    private final boolean resumed;
    private boolean committed;

    /** Removes the unfinished folder when the JVM is stopped (Ctrl-C, SIGTERM) before the run ends. */
    private final Thread cleanupOnExit;

    private RunFolder(Path target, Path staging, boolean resumed) {
        this.target = target;
        this.staging = staging;
        this.resumed = resumed;
        this.cleanupOnExit = new Thread(this::deleteUnlessResumable, "remove unfinished run folder");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * Starts a new run folder that will become {@code target}.
     *
     * @throws FileAlreadyExistsException when {@code target} or an interrupted run of it exists already
     */
    public static RunFolder start(Path target) throws IOException {
        return start(target, false);
    }

    /**
     * Starts a run folder that will become {@code target}; with {@code resume}, continues the interrupted run of
     * it when there is one.
     *
     * @throws FileAlreadyExistsException when {@code target} exists, or when an interrupted run of it exists and
     *     {@code resume} is false
     */
    public static RunFolder start(Path target, boolean resume) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the run folder exists already");
        }
        Path parent = Files.createDirectories(absolute.getParent());
        Path staging = parent.resolve("." + absolute.getFileName() + ".partial");
        if (Files.isDirectory(staging)) {
            if (!resume) {
                throw new FileAlreadyExistsException(absolute.toString(), null, "an interrupted run of it is in "
                        + staging + "; continue it with --resume, or remove that folder");
            }
            return new RunFolder(absolute, staging, true);
        }
        Files.createDirectory(staging);
        return new RunFolder(absolute, staging, false);
    }

    /** True when this run continues an interrupted one. */
    public boolean resumed() {
        return resumed;
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

    /** Removes the unfinished folder unless the run was committed or left checkpoints to resume from. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        forgetCleanupOnExit();
        deleteUnlessResumable();
    }

    private void forgetCleanupOnExit() {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is stopping: the hook runs, and deleting a deleted folder is harmless.
        }
    }

    private void deleteUnlessResumable() {
        try {
            if (hasCheckpoints()) {
                System.err.println("the interrupted run's checkpoints are kept in " + staging
                        + "; rerun with --resume to continue it");
                return;
            }
            FileTrees.delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished run folder " + staging, e);
        }
    }

    private boolean hasCheckpoints() throws IOException {
        Path checkpoints = staging.resolve(CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            return files.findAny().isPresent();
        }
    }
}
