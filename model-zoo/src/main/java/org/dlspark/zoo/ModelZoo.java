package org.dlspark.zoo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dlspark.zoo.gan.DcGan;
import org.dlspark.zoo.image.ConvAutoencoder;
import org.dlspark.zoo.image.KerasCnn;
import org.dlspark.zoo.image.ResidualNetwork;
import org.dlspark.zoo.rbm.DeepBeliefNetwork;
import org.dlspark.zoo.text.RecurrentTextClassifier;
import org.dlspark.zoo.text.TransformerTextClassifier;

/**
 * The registry of model families: every DLSpark job builds its network from a name and hyperparameters here.
 * Hyperparameters are given as a key-value map (from a configuration file or the command line) over the family's
 * defaults; unknown keys and invalid values are refused with the key named.
 */
public final class ModelZoo {

    private static final Map<String, ModelFamily<?>> FAMILIES = new LinkedHashMap<>();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);

    static {
        register(new KerasCnn());
        register(new ResidualNetwork());
        register(RecurrentTextClassifier.rnn());
        register(RecurrentTextClassifier.lstm());
        register(new TransformerTextClassifier());
        register(new ConvAutoencoder());
        register(new DcGan());
        register(new DeepBeliefNetwork());
    }

    private ModelZoo() {
    }

    private static void register(ModelFamily<?> family) {
        FAMILIES.put(family.name(), family);
    }

    /** The registered family names, in registration order. */
    public static List<String> names() {
        return List.copyOf(FAMILIES.keySet());
    }

    /**
     * The family registered under {@code name}.
     *
     * @throws UnknownModelException when no family has that name
     */
    public static ModelFamily<?> family(String name) {
        ModelFamily<?> family = FAMILIES.get(name);
        if (family == null) {
            throw new UnknownModelException(name, names());
        }
        return family;
    }

    /** The model {@code name} with its default hyperparameters. */
    public static ZooModel create(String name) {
        return create(name, Map.of());
    }

    /**
     * The model {@code name} with {@code overrides} applied over its default hyperparameters.
     *
     * @throws UnknownModelException when no family has that name
     * @throws HyperparameterException when a key is unknown or a value is invalid
     */
    public static ZooModel create(String name, Map<String, ?> overrides) {
        return bind(family(name), overrides);
    }

    /** The hyperparameter keys of family {@code name}: the shared ones, then the architecture's. */
    public static List<String> keys(String name) {
        return keys(family(name));
    }

    private static List<String> keys(ModelFamily<?> family) {
        return Stream.concat(Optimization.KEYS.stream(),
                Arrays.stream(family.architectureType().getRecordComponents()).map(RecordComponent::getName)).toList();
    }

    private static <A extends Record> ZooModel bind(ModelFamily<A> family, Map<String, ?> overrides) {
        Map<String, Object> optimization = MAPPER.convertValue(family.defaultOptimization(), MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        Map<String, Object> architecture = MAPPER.convertValue(family.defaultArchitecture(), MAPPER.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        for (Map.Entry<String, ?> override : overrides.entrySet()) {
            String key = override.getKey();
            if (optimization.containsKey(key)) {
                optimization.put(key, override.getValue());
            } else if (architecture.containsKey(key)) {
                architecture.put(key, override.getValue());
            } else {
                throw HyperparameterException.of(key, "is unknown; known: " + String.join(", ", keys(family)))
                        .inModel(family.name());
            }
        }
        return new ZooModel(family, convert(family, architecture, family.architectureType()),
                convert(family, optimization, Optimization.class));
    }

    /** Converts a key-value map into a hyperparameter record; errors name the family and the key. */
    private static <T> T convert(ModelFamily<?> family, Map<String, Object> values, Class<T> type) {
        try {
            return MAPPER.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof HyperparameterException invalid) {
                    throw invalid.inModel(family.name());
                }
            }
            if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String key = mapping.getPath().get(0).getFieldName();
                throw HyperparameterException.of(key, "has an invalid value '" + values.get(key) + "'")
                        .inModel(family.name());
            }
            throw e;
        }
    }
}
