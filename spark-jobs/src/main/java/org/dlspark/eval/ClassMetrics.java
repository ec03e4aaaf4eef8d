package org.dlspark.eval;

/** Precision, recall and F1 of one class, with its number of true examples (support). */
public record ClassMetrics(String name, double precision, double recall, double f1, long support) {
}
