package org.dlspark.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dlspark.data.ClassificationData;
import org.dlspark.data.StratifiedSplit;
import org.nd4j.linalg.dataset.DataSet;

/**
 * An email corpus as classification data, read and encoded in this JVM: cleaned and tokenised, split (stratified,
 * seeded) into training and held-out test emails, encoded with a vocabulary built from the training emails only.
 */
public final class EmailClassificationData implements ClassificationData {

    /** Tokens seen fewer times than this in the training emails map to {@link Vocabulary#UNKNOWN}. */
    public static final int MIN_COUNT = 2;

    private final List<SequenceBatches.Encoded> train;
    private final List<SequenceBatches.Encoded> test;
    private final Vocabulary vocabulary;
    private final int maxLength;

    /**
     * Reads the corpus in {@code folder} (a Hadoop path) and holds out {@code testFraction} of each class.
     *
     * @param vocabularySize indices in the vocabulary, reserved ones included
     * @param maxLength tokens kept per email
     */
    public EmailClassificationData(String folder, double testFraction, long seed, int vocabularySize,
            int maxLength) {
        Map<StratifiedSplit.Part, List<LabelledText>> parts = new StratifiedSplit(0, testFraction, seed)
                .apply(EmailCorpus.read(folder), LabelledText::id, LabelledText::label);
        List<List<String>> trainTokens = tokenise(parts.get(StratifiedSplit.Part.TRAIN));
        this.vocabulary = Vocabulary.fromCounts(count(trainTokens), MIN_COUNT, vocabularySize);
        this.train = encode(parts.get(StratifiedSplit.Part.TRAIN), trainTokens);
        List<LabelledText> testEmails = parts.get(StratifiedSplit.Part.TEST);
        this.test = encode(testEmails, tokenise(testEmails));
        this.maxLength = maxLength;
    }

    /** The vocabulary built from the training emails. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    private static List<List<String>> tokenise(List<LabelledText> emails) {
        List<List<String>> tokens = new ArrayList<>(emails.size());
        for (LabelledText email : emails) {
            tokens.add(Tokenizer.tokens(TextCleaner.cleanEmail(email.text())));
        }
        return tokens;
    }

    private static Map<String, Long> count(List<List<String>> documents) {
        Map<String, Long> counts = new HashMap<>();
        for (List<String> tokens : documents) {
            for (String token : tokens) {
                counts.merge(token, 1L, Long::sum);
            }
        }
        return counts;
    }

    private List<SequenceBatches.Encoded> encode(List<LabelledText> emails, List<List<String>> tokens) {
        List<SequenceBatches.Encoded> encoded = new ArrayList<>(emails.size());
        for (int i = 0; i < emails.size(); i++) {
            int[] indices = tokens.get(i).stream().mapToInt(vocabulary::indexOf).toArray();
            encoded.add(new SequenceBatches.Encoded(indices, EmailCorpus.CLASS_NAMES.indexOf(emails.get(i).label())));
        }
        return encoded;
    }

    @Override
    public String examplesName() {
        return "emails";
    }

    @Override
    public List<String> classNames() {
        return EmailCorpus.CLASS_NAMES;
    }

    @Override
    public int trainSize() {
        return train.size();
    }

    @Override
    public int testSize() {
        return test.size();
    }

    @Override
    public List<DataSet> trainBatches(int batchSize, int limit, long seed) {
        List<SequenceBatches.Encoded> shuffled = new ArrayList<>(train);
        Collections.shuffle(shuffled, new Random(seed));
        return SequenceBatches.of(shuffled.subList(0, Math.min(limit, shuffled.size())), maxLength,
                EmailCorpus.CLASS_NAMES.size(), batchSize);
    }

    @Override
    public List<DataSet> testBatches(int batchSize, int limit) {
        return SequenceBatches.of(test.subList(0, Math.min(limit, test.size())), maxLength,
                EmailCorpus.CLASS_NAMES.size(), batchSize);
    }

    @Override
    public List<String> vocabularyTokens() {
        return vocabulary.tokens();
    }
}
