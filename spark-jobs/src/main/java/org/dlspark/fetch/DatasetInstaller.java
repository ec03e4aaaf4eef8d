package org.dlspark.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.dlspark.io.FileTrees;

/**
 * Installs one data set into a folder of the data directory, atomically: the files are downloaded, checked and
 * laid out in a temporary folder beside the target, which is renamed into place only when complete.
 */
public abstract class DatasetInstaller {

    /** The name of the data set, which is also its folder name under the data directory. */
    public abstract String name();

    /** Whether {@code target} holds a complete, verified installation. */
    protected abstract boolean isInstalled(Path target);

    /** Downloads, verifies and lays out the data set in the empty folder {@code staging}, using {@code work}. */
    protected abstract void installInto(Path staging, Path work);

    /**
     * Installs the data set under {@code dataDir} unless a verified copy is already there.
     *
     * @return true when something was installed, false when it was already in place
     */
    public final boolean install(Path dataDir) {
        Path target = dataDir.resolve(name());
        if (isInstalled(target)) {
            return false;
        }
        try {
            Files.createDirectories(dataDir);
            Path work = Files.createTempDirectory(dataDir, "." + name() + ".download-");
            try {
                Path staging = Files.createDirectory(work.resolve(name()));
                installInto(staging, work);
                FileTrees.delete(target);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                FileTrees.delete(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + name() + " into " + target + ": " + e.getMessage(), e);
        }
        if (!isInstalled(target)) {
            throw new FetchException(target + ": installed " + name() + " but it does not verify");
        }
        return true;
    }
}
