package org.dlspark.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a model is trained. */
public enum Strategy {
    /** Data-parallel over Spark executors, parameters averaged every few minibatches (DL4J). */
    PARAMETER_AVERAGING("parameter-averaging"),
    /** Data-parallel over Spark executors, threshold-encoded updates exchanged every minibatch over Aeron. */
    GRADIENT_SHARING("gradient-sharing"),
    /** In the driver JVM, without Spark: the single-machine reference. */
    SINGLE_JVM("single-jvm");

    private final String option;

    Strategy(String option) {
        this.option = option;
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
