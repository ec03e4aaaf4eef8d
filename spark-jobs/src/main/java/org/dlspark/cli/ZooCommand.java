package org.dlspark.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import picocli.CommandLine.Command;

/** {@code dlspark zoo}: lists the architectures with their parameter counts. */
@Command(name = "zoo", mixinStandardHelpOptions = true, description = "Lists the model zoo's families with their default parameter counts.")
final class ZooCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.printf("%-12s %-15s %12s  %s%n", "name", "task", "parameters", "description");
        for (String name : ModelZoo.names()) {
            ZooModel model = ModelZoo.create(name);
            System.out.printf("%-12s %-15s %,12d  %s%n", name, model.task().name().toLowerCase(Locale.ROOT),
                    model.build().numParams(), model.description());
        }
        return 0;
    }
}
