package org.dlspark.train;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.dlspark.train.sharing.GradientSharingStrategy;
import org.dlspark.train.sharing.ParameterAveragingStrategy;

/** How a model is trained: the name a user gives, and the {@link TrainingStrategy} behind it. */
public enum Strategy {
    /** Data-parallel over Spark executors, parameters averaged among the workers every few minibatches. */
    PARAMETER_AVERAGING("parameter-averaging", ParameterAveragingStrategy::new),
    /** Data-parallel over Spark executors, threshold-encoded updates exchanged every minibatch over Aeron. */
    GRADIENT_SHARING("gradient-sharing", GradientSharingStrategy::new),
    /** In the driver JVM, without Spark: the single-machine reference. */
    SINGLE_JVM("single-jvm", SingleJvmStrategy::new);

    private final String option;
    private final Supplier<TrainingStrategy> implementation;

    Strategy(String option, Supplier<TrainingStrategy> implementation) {
        this.option = option;
        this.implementation = implementation;
    }

    /** What trains a run with this strategy. */
    public TrainingStrategy implementation() {
        return implementation.get();
    }

    /** The name used on the command line and in {@code metrics.json}. */
    public String option() {
        return option;
    }

    /**
     * The strategy named {@code option}.
     *
     * @throws InvalidSettingException naming {@code --strategy} when the name is unknown
     */
    public static Strategy of(String option) {
        return Arrays.stream(values()).filter(s -> s.option.equals(option)).findFirst()
                .orElseThrow(() -> new InvalidSettingException("--strategy", "unknown strategy '" + option
                        + "'; known: " + Arrays.stream(values()).map(Strategy::option)
                        .collect(Collectors.joining(", "))));
    }
}
