package org.dlspark.fetch;

import java.io.PrintStream;
import java.nio.file.Path;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ZooModel;

/**
 * The data set a model trains on when no {@code --data} is given: the SpamAssassin emails for a text model, else
 * Fashion-MNIST, in DLSpark's data folder ({@link DataDirectory}), installed first when missing.
 */
public final class DefaultDataSet {

    private DefaultDataSet() {
    }

    /** The folder of {@code model}'s default data set, installed now if missing; {@code out} says when it is. */
    public static String forModel(ZooModel model, PrintStream out) {
        Path dataDir = DataDirectory.defaultPath();
        DatasetInstaller installer = model.input() instanceof InputSpec.TokenSequences
                ? new SpamAssassinInstaller() : new FashionMnistInstaller();
        if (installer.install(dataDir)) {
            out.println("installed " + installer.name() + " in " + dataDir.resolve(installer.name()));
        }
        return dataDir.resolve(installer.name()).toAbsolutePath().toString();
    }
}
