package org.dlspark.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** The cleaning, tokenising, vocabulary and batching steps that turn emails into token sequences. */
class TextProcessingTest {

    @Test
    void cleaningKeepsTheSubjectAndBodyWithoutHeadersMarkupOrCase() {
        String email = "From: a@b.c\nSubject: Cheap MEDS\nX-Spam: yes\n\n<html><style>p{}</style><p>Buy &amp; SAVE"
                + "</p></html>";
        assertEquals(List.of("cheap", "meds", "buy", "save"), Tokenizer.tokens(TextCleaner.cleanEmail(email)));
        assertEquals("plain text", TextCleaner.cleanEmail("Plain TEXT"));
    }

    @Test
    void tokensAreWordsNumbersAndSpamSymbols() {
        assertEquals(List.of("don't", "pay", "$", "100", "!", "now", "caf\u00e9"),
                Tokenizer.tokens("don't pay $100! now... caf\u00e9"));
    }

    @Test
    void theVocabularyKeepsFrequentTokensMostFrequentFirst() {
        Vocabulary vocabulary = Vocabulary.fromCounts(Map.of("b", 5L, "a", 5L, "c", 9L, "rare", 1L), 2, 4);
        assertEquals(List.of("<pad>", "<unk>", "c", "a"), vocabulary.tokens());
        assertEquals(2, vocabulary.indexOf("c"));
        assertEquals(Vocabulary.UNKNOWN, vocabulary.indexOf("b"));
        assertEquals(vocabulary.tokens(), Vocabulary.of(vocabulary.tokens()).tokens());
    }

    @Test
    void batchesArePaddedOrTruncatedWithMasks() {
        List<SequenceBatches.Encoded> documents = List.of(new SequenceBatches.Encoded(new int[] {5, 6}, 1),
                new SequenceBatches.Encoded(new int[] {2, 3, 4, 5}, 0), new SequenceBatches.Encoded(new int[0], 0));
        List<DataSet> batches = SequenceBatches.of(documents, 3, 2, 2);
        assertEquals(2, batches.size());
        DataSet first = batches.get(0);
        assertArrayEquals(new float[] {5, 6, 0, 2, 3, 4}, first.getFeatures().data().asFloat());
        assertArrayEquals(new float[] {1, 1, 0, 1, 1, 1}, first.getFeaturesMaskArray().data().asFloat());
        assertArrayEquals(new float[] {0, 1, 1, 0}, first.getLabels().data().asFloat());
        assertArrayEquals(new float[] {1, 0, 0}, batches.get(1).getFeaturesMaskArray().data().asFloat());
    }
}
