package org.dlspark.cli;

import java.util.concurrent.Callable;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import picocli.CommandLine.Command;

/** {@code dlspark zoo}: lists the architectures with their parameter counts. */
@Command(name = "zoo", mixinStandardHelpOptions = true, description = "Lists the model zoo's architectures.")
final class ZooCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.printf("%-12s %12s  %s%n", "name", "parameters", "description");
        for (String name : ModelZoo.names()) {
            ZooModel model = ModelZoo.byName(name);
            System.out.printf("%-12s %,12d  %s%n", name, model.build(0).numParams(), model.description());
        }
        return 0;
    }
}
