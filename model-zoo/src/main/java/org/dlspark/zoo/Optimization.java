package org.dlspark.zoo;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * The hyperparameters every family shares: how it is optimised and regularised, and its weight seed.
 *
 * @param updater the optimiser
 * @param learningRate the optimiser's step size
 * @param l2 L2 weight decay coefficient (0: none)
 * @param dropout probability of dropping an activation where the family applies dropout (0: none)
 * @param seed seeds the initial weights
 */
public record Optimization(Updater updater, double learningRate, double l2, double dropout, long seed) {

    /** The keys, as written in configuration files and overrides. */
    public static final List<String> KEYS = List.of("updater", "learningRate", "l2", "dropout",
            "seed");

    /** Validates every value. */
    public Optimization {
        if (updater == null) {
            throw HyperparameterException.of("updater", "is required");
        }
        HyperparameterException.positive("learningRate", learningRate);
        HyperparameterException.nonNegative("l2", l2);
        HyperparameterException.fraction("dropout", dropout);
    }

    /**
     * A DL4J network configuration with these settings (seed, updater at the learning rate, L2 when set) and
     * {@code weightInit}; the family adds its layers and anything else it needs.
     */
    public NeuralNetConfiguration.Builder networkConfiguration(WeightInit weightInit) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater.create(learningRate))
                .weightInit(weightInit);
        if (l2 > 0) {
            builder.l2(l2);
        }
        return builder;
    }

    /** DL4J's dropout setting: the probability of <em>retaining</em> an activation, or 0 for no dropout. */
    public double retainProbability() {
        return dropout == 0 ? 0 : 1 - dropout;
    }
}
