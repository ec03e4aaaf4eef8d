package org.dlspark.data.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * Maps tokens to indices for an embedding layer. Index 0 is padding and 1 stands for every token outside the
 * vocabulary; known tokens follow from 2 on, most frequent first (ties in token order), so the same counts always
 * give the same vocabulary.
 */
public final class Vocabulary implements Serializable {

    /** The index of padding positions. */
    public static final int PADDING = 0;
    /** The index of tokens outside the vocabulary. */
    public static final int UNKNOWN = 1;
    /** The names written for the two reserved indices. */
    public static final List<String> RESERVED = List.of("<pad>", "<unk>");

    private final List<String> tokens;
    private final Map<String, Integer> indices;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.indices = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            indices.put(tokens.get(i), i);
        }
    }

    /**
     * The vocabulary of the tokens counted at least {@code minCount} times, at most {@code maxSize} indices in all
     * (the two reserved ones included).
     */
    public static Vocabulary fromCounts(Map<String, Long> counts, long minCount, int maxSize) {
        if (maxSize < RESERVED.size() + 1) {
            throw new IllegalArgumentException("vocabulary size must be at least 3, got " + maxSize);
        }
        List<Map.Entry<String, Long>> kept = new ArrayList<>();
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getValue() >= minCount && !RESERVED.contains(entry.getKey())) {
                kept.add(entry);
            }
        }
        kept.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> tokens = new ArrayList<>(RESERVED);
        for (int i = 0; i < kept.size() && tokens.size() < maxSize; i++) {
            tokens.add(kept.get(i).getKey());
        }
        return new Vocabulary(tokens);
    }

    /**
     * The vocabulary of {@code texts}, each a list of tokens: the tokens counted by a Spark reduction, then
     * {@link #fromCounts}.
     */
    public static Vocabulary count(JavaRDD<List<String>> texts, long minCount, int maxSize) {
        JavaPairRDD<String, Long> counts = texts.flatMap(List::iterator).mapToPair(token -> new Tuple2<>(token, 1L))
                .reduceByKey(Long::sum);
        Map<String, Long> collected = counts.filter(c -> c._2() >= minCount).collectAsMap();
        return fromCounts(new HashMap<>(collected), minCount, maxSize);
    }

    /** The vocabulary whose index {@code i} is {@code tokens.get(i)}, as written by {@link #tokens()}. */
    public static Vocabulary of(List<String> tokens) {
        if (tokens.size() < RESERVED.size() || !tokens.subList(0, RESERVED.size()).equals(RESERVED)) {
            throw new IllegalArgumentException("a vocabulary starts with " + RESERVED);
        }
        return new Vocabulary(tokens);
    }

    /** The index of {@code token}, or {@link #UNKNOWN}. */
    public int indexOf(String token) {
        return indices.getOrDefault(token, UNKNOWN);
    }

    /** Indices in all, reserved ones included: the embedding layer's input size. */
    public int size() {
        return tokens.size();
    }

    /** The token of every index, in index order. */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }
}
