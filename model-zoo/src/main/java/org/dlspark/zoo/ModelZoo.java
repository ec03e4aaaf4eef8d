package org.dlspark.zoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of architectures: every DLSpark job builds its network from a name looked up here. */
public final class ModelZoo {

    private static final Map<String, Supplier<ZooModel>> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("cnn", KerasCnn::new);
    }

    private ModelZoo() {
    }

    /** The names of all registered models, in registration order. */
    public static List<String> names() {
        return List.copyOf(MODELS.keySet());
    }

    /**
     * The model registered under {@code name}, with default hyperparameters.
     *
     * @throws UnknownModelException when no model has that name
     */
    public static ZooModel byName(String name) {
        Supplier<ZooModel> model = MODELS.get(name);
        if (model == null) {
            throw new UnknownModelException(name, names());
        }
        return model.get();
    }
}
