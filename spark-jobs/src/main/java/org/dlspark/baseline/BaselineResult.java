package org.dlspark.baseline;

/**
 * What a simple model reaches on the same split as the deep one: the yardstick a result is read against.
 *
 * @param method what the baseline is, e.g. "MLlib logistic regression on pixels"
 * @param accuracy its test accuracy
 * @param macroF1 its macro F1 over the classes
 * @param seconds how long fitting and scoring took
 */
public record BaselineResult(String method, double accuracy, double macroF1, double seconds) {
}
