package org.dlspark.tune;

import java.io.Serializable;
import java.util.Map;

/**
 * One tuning trial: a point of the search space.
 *
 * @param number 0 for the baseline (the model's defaults), then 1, 2, ...
 * @param hyperparameters overrides of the model's defaults
 * @param batchSize the minibatch size
 */
public record Trial(int number, Map<String, String> hyperparameters, int batchSize) implements Serializable {
}
