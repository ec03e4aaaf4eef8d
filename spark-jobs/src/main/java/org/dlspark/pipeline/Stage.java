package org.dlspark.pipeline;

/** The stages of a pipeline run, in order. */
public enum Stage {
    PREPROCESS, TRAIN, EVALUATE, REGISTER, PROMOTE
}
