package org.dlspark.ml;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.data.DataFiles;
import org.dlspark.fetch.Sha256;
import org.dlspark.io.FileTrees;
import org.dlspark.io.HadoopMirror;
import org.dlspark.io.HadoopOutputFolder;
import org.dlspark.train.EpochReport;
import org.dlspark.train.EpochTrainer;
import org.dlspark.train.Replica;
import org.dlspark.train.RunHistory;
import org.dlspark.train.checkpoint.Checkpoint;
import org.dlspark.train.checkpoint.Checkpoints;

/**
 * The checkpoints of one {@link DlSparkClassifier#fit} in the classifier's {@code checkpointDir} (a local path or a
 * Hadoop URI): after each epoch the network, its updater state, the best network so far and the epochs' reports, in
 * a sub-folder named by a fingerprint of the fit (its parameters and its data), so that the same fit started again
 * after an interruption resumes after its last epoch, while the other fits of a grid search keep folders of their
 * own. A fit that completes removes its folder. On a Hadoop file system a local working copy is mirrored there after
 * every epoch.
 */
final class FitCheckpoints implements AutoCloseable {

    private static final String HISTORY = "history.jsonl";

    private final String location;
    private final Path local;
    private final HadoopMirror mirror;
    private final Checkpoints checkpoints;
    private final RunHistory history;
    private final long seed;

    private FitCheckpoints(String location, Path local, HadoopMirror mirror, long seed, PrintStream out) {
        this.location = location;
        this.local = local;
        this.mirror = mirror;
        this.checkpoints = new Checkpoints(local, out);
        this.history = new RunHistory(local.resolve(HISTORY));
        this.seed = seed;
    }

    /**
     * The checkpoints of the fit whose parameters and data {@code fingerprint} describes, in {@code checkpointDir};
     * what an interrupted run of the same fit left there is read.
     */
    static FitCheckpoints open(String checkpointDir, String fingerprint, long seed, PrintStream out) {
        String name = "fit-" + Sha256.of(fingerprint.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(checkpointDir, name);
        String scheme = folder.toUri().getScheme();
        try {
            if (scheme == null || "file".equals(scheme)) {
                Path local = scheme == null ? Path.of(folder.toString()) : Path.of(folder.toUri());
                return new FitCheckpoints(local.toString(), Files.createDirectories(local), null, seed, out);
            }
            FileSystem fs = HadoopOutputFolder.fileSystem(folder);
            HadoopMirror mirror = new HadoopMirror(fs, fs.makeQualified(folder));
            Path workingCopy = Files.createTempDirectory("dlspark-fit-checkpoints-");
            if (fs.isDirectory(mirror.folder())) {
                mirror.download(workingCopy);
            }
            return new FitCheckpoints(mirror.folder().toString(), workingCopy, mirror, seed, out);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpointDir " + checkpointDir + ": cannot open " + folder, e);
        }
    }

    /** Where the checkpoints are, for messages. */
    String location() {
        return location;
    }

    /** The network of the last intact checkpoint and the epochs before it; empty when the fit starts afresh. */
    Optional<Resumed> resumed() {
        try {
            Optional<Checkpoints.Restored> restored = checkpoints.latest();
            if (restored.isEmpty()) {
                history.clear();
                return Optional.empty();
            }
            Checkpoint checkpoint = restored.get().checkpoint();
            return Optional.of(new Resumed(restored.get().replica().model(), new EpochTrainer.Resumption(
                    history.truncateTo(checkpoint.epoch()), checkpoints.bestParameters().orElse(null))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoints in " + location, e);
        }
    }

    /** Keeps the network after the epoch of {@code report} (and as the best one when {@code best}). */
    void save(EpochReport report, Replica replica, boolean best) {
        try {
            checkpoints.save(replica, report.epoch(), seed, best);
            history.append(report);
            if (mirror != null) {
                mirror.upload(local);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write the checkpoint of epoch %d to %s",
                    report.epoch(), location), e);
        }
    }

    /** Removes the checkpoints of the fit, which completed. */
    void completed() {
        DataFiles.deleteRecursively(mirror != null ? location : local.toUri().toString());
    }

    /** Removes the local working copy of checkpoints kept on a Hadoop file system. */
    @Override
    public void close() {
        if (mirror != null) {
            try {
                FileTrees.delete(local);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + local, e);
            }
        }
    }

    /** Where a resumed fit starts: the checkpoint's network and the epochs done. */
    record Resumed(ComputationGraph network, EpochTrainer.Resumption resumption) {
    }
}
