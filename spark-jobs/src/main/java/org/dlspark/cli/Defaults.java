package org.dlspark.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.dlspark.fetch.DataDirectory;
import org.dlspark.fetch.DatasetInstaller;
import org.dlspark.fetch.FashionMnistInstaller;
import org.dlspark.fetch.SpamAssassinInstaller;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ZooModel;

/** The defaults commands fall back on: the fetched data set for a model, and a new run folder. */
final class Defaults {

    private Defaults() {
    }

    /** The fetched data set for the model's input (emails for text, else Fashion-MNIST), installed when missing. */
    static String data(ZooModel model) {
        Path dataDir = DataDirectory.defaultPath();
        DatasetInstaller installer = model.input() instanceof InputSpec.TokenSequences
                ? new SpamAssassinInstaller() : new FashionMnistInstaller();
        if (installer.install(dataDir)) {
            System.out.println("installed " + installer.name() + " in " + dataDir.resolve(installer.name()));
        }
        return dataDir.resolve(installer.name()).toAbsolutePath().toString();
    }

    /** {@code runs/PREFIX-YYYYMMDD-HHMMSS} under DLSpark's home. */
    static Path runFolder(String prefix) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return home().resolve("runs").resolve(prefix + "-" + stamp);
    }

    /** DLSpark's home: the checkout the command runs from. */
    static Path home() {
        return Path.of(System.getProperty("dlspark.home", "."));
    }
}
