package org.dlspark.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A deterministic, stratified train/validation/test split. Within each class, records are ordered by a seeded
 * hash of their id; the first share goes to test, the next to validation, the rest to train. The split depends
 * only on the ids, labels, fractions and seed: never on input order or partitioning.
 */
public final class StratifiedSplit {

    /** Which part of the split a record is in. */
    public enum Part { TRAIN, VALIDATION, TEST }

    private final double validationFraction;
    private final double testFraction;
    private final long seed;

    /**
     * @throws IllegalArgumentException when a fraction is outside [0, 1) or they add up to 1 or more
     */
    public StratifiedSplit(double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validation and test fractions must be at least 0 and leave some "
                    + "training data; got " + validationFraction + " and " + testFraction);
        }
        this.validationFraction = validationFraction;
        this.testFraction = testFraction;
        this.seed = seed;
    }

    /** The records of each part, in hash order within each class, classes in label order. */
    public <T> Map<Part, List<T>> apply(List<T> records, Function<T, String> id, Function<T, String> label) {
        Map<String, List<T>> byClass = new TreeMap<>();
        for (T record : records) {
            byClass.computeIfAbsent(label.apply(record), k -> new ArrayList<>()).add(record);
        }
        Map<Part, List<T>> parts = new TreeMap<>();
        for (Part part : Part.values()) {
            parts.put(part, new ArrayList<>());
        }
        for (List<T> members : byClass.values()) {
            members.sort(Comparator.comparingLong((T record) -> SeededHash.of(seed, id.apply(record))).thenComparing(id));
            int test = (int) Math.round(members.size() * testFraction);
            int validation = (int) Math.round(members.size() * validationFraction);
            for (int i = 0; i < members.size(); i++) {
                Part part = i < test ? Part.TEST : i < test + validation ? Part.VALIDATION : Part.TRAIN;
                parts.get(part).add(members.get(i));
            }
        }
        return parts;
    }
}
