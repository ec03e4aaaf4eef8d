package org.dlspark.zoo;

/** What a model family is trained to do. */
public enum Task {
    /** Predict one class per example (softmax output). */
    CLASSIFICATION,
    /** Reproduce (a cleaned version of) its input. */
    RECONSTRUCTION,
    /** Generate new examples from noise. */
    GENERATION
}
