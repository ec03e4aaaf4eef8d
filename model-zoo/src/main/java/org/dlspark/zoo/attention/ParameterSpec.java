package org.dlspark.zoo.attention;

import java.util.Arrays;

/**
 * One trainable array of a sequence layer: its name in the parameter table, its shape, and how it starts.
 *
 * @param name the key in the layer's parameter table
 * @param shape the array's shape
 * @param role weights are drawn from the network's weight initialisation with {@code fanIn} and {@code fanOut};
 *     biases start at 0 and gains at 1
 */
public record ParameterSpec(String name, long[] shape, Role role, long fanIn, long fanOut) {

    /** How a parameter starts, and whether L2 and the bias updater treat it as a weight or a bias. */
    public enum Role { WEIGHT, BIAS, GAIN }

    /** A weight matrix initialised from its fan-in and fan-out. */
    public static ParameterSpec weight(String name, long fanIn, long fanOut, long... shape) {
        return new ParameterSpec(name, shape, Role.WEIGHT, fanIn, fanOut);
    }

    /** A bias, starting at 0. */
    public static ParameterSpec bias(String name, long... shape) {
        return new ParameterSpec(name, shape, Role.BIAS, 0, 0);
    }

    /** A multiplicative gain, starting at 1 (not weight-decayed). */
    public static ParameterSpec gain(String name, long... shape) {
        return new ParameterSpec(name, shape, Role.GAIN, 0, 0);
    }

    /** The number of values. */
    public long length() {
        return Arrays.stream(shape).reduce(1, Math::multiplyExact);
    }
}
