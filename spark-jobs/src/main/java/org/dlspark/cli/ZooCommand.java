package org.dlspark.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code dlspark zoo}: lists the families, or shows one family's input, task and default hyperparameters. */
@Command(name = "zoo", mixinStandardHelpOptions = true,
        description = {"Lists the model zoo's families with their default parameter counts.",
            "With a NAME: that family's input, task and default hyperparameters."})
final class ZooCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A family to describe.")
    private String name;

    @Override
    public Integer call() {
        if (name == null) {
            listFamilies();
        } else {
            describe(ModelZoo.create(name));
        }
        return 0;
    }

    private static void listFamilies() {
        System.out.printf("%-12s %-15s %12s  %s%n", "name", "task", "parameters", "description");
        for (String family : ModelZoo.names()) {
            ZooModel model = ModelZoo.create(family);
            System.out.printf("%-12s %-15s %,12d  %s%n", family, lower(model.task()), model.build().numParams(),
                    model.description());
        }
    }

    private static void describe(ZooModel model) {
        System.out.printf("%s: %s%n  task: %s%n  input: %s%n  parameters: %,d%n  training: %d epochs, minibatches "
                + "of %d%n  hyperparameters (defaults):%n", model.name(), model.description(), lower(model.task()),
                model.input(), model.build().numParams(), model.defaultTraining().epochs(),
                model.defaultTraining().batchSize());
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> values = new TreeMap<>();
        values.putAll(mapper.convertValue(model.optimization(), Map.class));
        values.putAll(mapper.convertValue(model.architecture(), Map.class));
        for (String key : ModelZoo.keys(model.name())) {
            System.out.printf("    %-22s %s%n", key, values.get(key));
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
