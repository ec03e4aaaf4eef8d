package org.dlspark.model;

import java.util.List;

/**
 * A model's answer for one input.
 *
 * @param id the input's identifier (file name, record number)
 * @param label the index of the most probable class
 * @param className its name
 * @param probabilities the probability of every class, in class order
 */
public record Prediction(String id, int label, String className, List<Double> probabilities) {
}
