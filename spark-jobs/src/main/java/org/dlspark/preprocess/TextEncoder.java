package org.dlspark.preprocess;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.dlspark.data.text.SequenceBatches;
import org.dlspark.data.text.TextCleaner;
import org.dlspark.data.text.Tokenizer;
import org.dlspark.data.text.Vocabulary;
import org.dlspark.shard.Example;

/** Cleans and tokenises texts, builds the vocabulary with Spark, and encodes texts as padded index sequences. */
final class TextEncoder {

    private TextEncoder() {
    }

    /** A cleaned, tokenised text. */
    record Tokenised(String id, int label, List<String> tokens) implements Serializable {
    }

    /** Cleans (headers for emails, HTML, case) and tokenises. */
    static Tokenised tokenise(String id, int label, String text, boolean email) {
        String clean = email ? TextCleaner.cleanEmail(text) : TextCleaner.cleanText(text);
        return new Tokenised(id, label, Tokenizer.tokens(clean));
    }

    /** The vocabulary of {@code texts}: token counts by a Spark reduction, then the most frequent kept. */
    static Vocabulary vocabulary(JavaRDD<Tokenised> texts, int minCount, int maxSize) {
        return Vocabulary.count(texts.map(Tokenised::tokens), minCount, maxSize);
    }

    /**
     * {@code text} as an example: its first {@code maxLength} token indices, padded with {@link Vocabulary#PADDING},
     * and a mask of its real tokens (an empty text keeps one unmasked padding step).
     */
    static Example encode(Tokenised text, Vocabulary vocabulary, int maxLength) {
        int[] indices = text.tokens().stream().limit(maxLength).mapToInt(vocabulary::indexOf).toArray();
        float[] features = new float[maxLength];
        float[] mask = new float[maxLength];
        SequenceBatches.pad(indices, maxLength, features, mask, 0);
        return new Example(text.id(), text.label(), features, mask);
    }
}
