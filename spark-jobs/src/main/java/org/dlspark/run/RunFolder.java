package org.dlspark.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.dlspark.io.FileTrees;
import org.dlspark.io.HadoopMirror;
import org.dlspark.io.HadoopOutputFolder;

/**
 * The output folder of one run, built under a hidden name beside its final place ({@code .NAME.partial}) and
 * renamed there only when the run succeeds, so that a failed or killed run never leaves a half-written run folder.
 * A run that stops early (failure, Ctrl-C, SIGTERM, SIGKILL) leaves its hidden folder behind only when it holds
 * checkpoints ({@link #CHECKPOINTS}), for {@code --resume}, or thread dumps of a stall ({@link #STALLS}), to read;
 * otherwise the folder is removed.
 * <p>
 * The run folder may be a local path or a Hadoop URI ({@code hdfs://...}). The run always writes local files
 * ({@link #resolve}); on another file system it writes them in a local working copy, and {@link #sync} copies them
 * to the hidden folder there ({@link HadoopMirror}), file by file under temporary names, so that what a run has
 * synced (its checkpoints) survives the loss of the machine it ran on and another machine can resume it.
 */
public final class RunFolder implements AutoCloseable {

    /** The sub-folder holding checkpoints; a hidden folder with one is kept for resuming. */
    public static final String CHECKPOINTS = "checkpoints";
    /** The sub-folder holding the thread dumps of stalled epochs; a hidden folder with one is kept to be read. */
    public static final String STALLS = "stalls";
    /** The sub-folder that takes a copy of the run's log file (Spark's and DL4J's lines, stack traces). */
    public static final String LOGS = "logs";

    /** Runs before Hadoop closes its file systems at JVM exit, so that the hidden folder can still be removed. */
    private static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 1;

    private final String location;
    private final Path staging;
    private final Target target;
    private final boolean resumed;
    private boolean committed;

    /** Removes the unfinished folder when the JVM is stopped (Ctrl-C, SIGTERM) before the run ends. */
    private final Runnable cleanupOnExit = this::deleteUnlessResumable;

    /**
     * Where a run folder goes when it is committed, and how its hidden folder is kept or removed; each method is
     * given the local folder the run writes in.
     */
    private interface Target {
        void sync(Path staging) throws IOException;

        void commit(Path staging) throws IOException;

        /** Keeps the hidden folder (it has checkpoints) or removes it; a local working copy is removed either way. */
        void abandon(Path staging, boolean keep) throws IOException;

        /** Where the hidden folder is, for messages. */
        String hiddenFolder(Path staging);
    }

    private RunFolder(String location, Path staging, Target target, boolean resumed) {
        this.location = location;
        this.staging = staging;
        this.target = target;
        this.resumed = resumed;
        ShutdownHookManager.get().addShutdownHook(cleanupOnExit, SHUTDOWN_PRIORITY);
    }

    /**
     * Starts a new run folder that will become {@code target}.
     *
     * @throws FileAlreadyExistsException when {@code target} or an interrupted run of it exists already
     */
    public static RunFolder start(Path target) throws IOException {
        return start(target.toString(), false);
    }

    /**
     * Starts a run folder that will become {@code location}, a local path or a Hadoop URI; with {@code resume},
     * continues the interrupted run of it when there is one.
     *
     * @throws FileAlreadyExistsException when {@code location} exists, or when an interrupted run of it exists and
     *     {@code resume} is false
     */
    public static RunFolder start(String location, boolean resume) throws IOException {
        URI uri = new org.apache.hadoop.fs.Path(location).toUri();
        if (uri.getScheme() == null) {
            return startLocal(Path.of(location), resume);
        }
        if ("file".equals(uri.getScheme())) {
            return startLocal(Path.of(uri), resume);
        }
        return startElsewhere(location, resume);
    }

    private static RunFolder startLocal(Path target, boolean resume) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "the run folder exists already");
        }
        Path parent = Files.createDirectories(absolute.getParent());
        Path staging = parent.resolve("." + absolute.getFileName() + ".partial");
        boolean interrupted = Files.isDirectory(staging);
        refuseUnlessResuming(interrupted, resume, absolute.toString(), staging.toString());
        if (!interrupted) {
            Files.createDirectory(staging);
        }
        return new RunFolder(absolute.toString(), staging, new LocalTarget(absolute), interrupted);
    }

    private static RunFolder startElsewhere(String location, boolean resume) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fs = HadoopOutputFolder.fileSystem(path);
        org.apache.hadoop.fs.Path qualified = fs.makeQualified(path);
        if (fs.exists(qualified)) {
            throw new FileAlreadyExistsException(qualified.toString(), null, "the run folder exists already");
        }
        HadoopMirror mirror = new HadoopMirror(fs, new org.apache.hadoop.fs.Path(qualified.getParent(),
                "." + qualified.getName() + ".partial"));
        boolean interrupted = fs.isDirectory(mirror.folder());
        refuseUnlessResuming(interrupted, resume, qualified.toString(), mirror.folder().toString());
        Path workingCopy = Files.createTempDirectory("dlspark-run-");
        try {
            if (interrupted) {
                mirror.download(workingCopy);
            } else {
                mirror.upload(workingCopy);
            }
        } catch (IOException | RuntimeException e) {
            FileTrees.delete(workingCopy);
            throw e;
        }
        return new RunFolder(qualified.toString(), workingCopy, new MirroredTarget(fs, qualified, mirror),
                interrupted);
    }

    private static void refuseUnlessResuming(boolean interrupted, boolean resume, String target, String hidden)
            throws FileAlreadyExistsException {
        if (interrupted && !resume) {
            throw new FileAlreadyExistsException(target, null, "an interrupted run of it is in " + hidden
                    + "; continue it with --resume, or remove that folder");
        }
    }

    /** True when this run continues an interrupted one. */
    public boolean resumed() {
        return resumed;
    }

    /** A local path inside the run folder, for writing while the run goes on. */
    public Path resolve(String name) {
        return staging.resolve(name);
    }

    /** The place the run folder will have once committed: a local path or a Hadoop URI. */
    public String location() {
        return location;
    }

    /**
     * Makes what the run wrote so far safe where the run folder will be: on another file system, copies the new
     * and changed files to the hidden folder there; a local run folder is written in place already.
     */
    public void sync() throws IOException {
        target.sync(staging);
    }

    /** Moves the completed run folder into its final place and returns that place. */
    public String commit() throws IOException {
        copyLog();
        target.commit(staging);
        committed = true;
        forgetCleanupOnExit();
        return location;
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
        if (!ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(cleanupOnExit);
        }
    }

    private void deleteUnlessResumable() {
        try {
            boolean checkpoints = holdsFiles(CHECKPOINTS);
            boolean stalls = holdsFiles(STALLS);
            if (checkpoints || stalls) {
                copyLog();
            }
            target.abandon(staging, checkpoints || stalls);
            if (checkpoints) {
                Console.errors().println("the interrupted run's checkpoints are kept in " + target.hiddenFolder(staging)
                        + "; rerun with --resume to continue it");
            } else if (stalls) {
                Console.errors().println("the interrupted run's thread dumps are kept in "
                        + target.hiddenFolder(staging));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unfinished run folder " + target.hiddenFolder(staging),
                    e);
        }
    }

    /**
     * Copies the run's log file ({@code scripts/dlspark} names it in {@link Console#LOG_FILE_PROPERTY}), as it stands
     * now, into {@link #LOGS}; nothing when the run has none.
     */
    private void copyLog() throws IOException {
        String log = System.getProperty(Console.LOG_FILE_PROPERTY);
        if (log == null || !Files.isRegularFile(Path.of(log))) {
            return;
        }
        Path logs = Files.createDirectories(staging.resolve(LOGS));
        Files.copy(Path.of(log), logs.resolve(Path.of(log).getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    private boolean holdsFiles(String folder) throws IOException {
        Path path = staging.resolve(folder);
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.findAny().isPresent();
        }
    }

    /** A run folder on local disk: written in place under its hidden name. */
    private record LocalTarget(Path target) implements Target {

        @Override
        public void sync(Path written) {
            // Written in place.
        }

        @Override
        public void commit(Path written) throws IOException {
            Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void abandon(Path written, boolean keep) throws IOException {
            if (!keep) {
                FileTrees.delete(written);
            }
        }

        @Override
        public String hiddenFolder(Path written) {
            return written.toString();
        }
    }

    /** A run folder on a Hadoop file system: a local working copy mirrored to the hidden folder there. */
    private record MirroredTarget(FileSystem fs, org.apache.hadoop.fs.Path target, HadoopMirror mirror)
            implements Target {

        @Override
        public void sync(Path workingCopy) throws IOException {
            mirror.upload(workingCopy);
        }

        @Override
        public void commit(Path workingCopy) throws IOException {
            mirror.upload(workingCopy);
            if (fs.exists(target)) {
                // A rename onto an existing folder would move the run inside it.
                throw new FileAlreadyExistsException(target.toString(), null, "the run folder appeared meanwhile");
            }
            if (!fs.rename(mirror.folder(), target)) {
                throw new IOException("cannot rename " + mirror.folder() + " to " + target);
            }
            FileTrees.delete(workingCopy);
        }

        @Override
        public void abandon(Path workingCopy, boolean keep) throws IOException {
            try {
                if (!keep) {
                    fs.delete(mirror.folder(), true);
                }
            } finally {
                FileTrees.delete(workingCopy);
            }
        }

        @Override
        public String hiddenFolder(Path workingCopy) {
            return mirror.folder().toString();
        }
    }
}
