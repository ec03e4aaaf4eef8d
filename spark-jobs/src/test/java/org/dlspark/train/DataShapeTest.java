package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DataShapeTest {

    private static final DataShape TEXTS = new DataShape("texts/manifest.json",
            Map.of("classes", 3, "vocabularySize", 26, "maxLength", 16));

    @Test
    void theDataFillsTheKeysLeftOut() {
        assertEquals(Map.of("classes", "3", "vocabularySize", "26", "maxLength", "16", "hiddenSize", "32"),
                TEXTS.fit("lstm", Map.of("hiddenSize", "32")));
    }

    @Test
    void keysTheModelLacksAreLeftOut() {
        assertEquals(Map.of("classes", "3"), TEXTS.fit("cnn", Map.of()));
    }

    @Test
    void aLargerVocabularyFitsButNoOtherDifference() {
        assertEquals("100", TEXTS.fit("lstm", Map.of("vocabularySize", "100")).get("vocabularySize"));
        assertEquals("--hp vocabularySize: 20 contradicts the data: texts/manifest.json gives vocabularySize=26 "
                + "(at least)", assertThrows(InvalidSettingException.class,
                        () -> TEXTS.fit("lstm", Map.of("vocabularySize", "20"))).getMessage());
        assertEquals("--hp classes: 2 contradicts the data: texts/manifest.json gives classes=3",
                assertThrows(InvalidSettingException.class, () -> TEXTS.fit("lstm", Map.of("classes", "2")))
                        .getMessage());
    }

    @Test
    void rawDataFixesNothing() {
        assertEquals(Map.of("classes", "2"), DataShape.of("no/such/folder").fit("lstm", Map.of("classes", "2")));
    }
}
