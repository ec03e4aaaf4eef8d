package org.dlspark.preprocess;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.text.EmailCorpus;
import org.dlspark.data.text.TextCleaner;
import org.dlspark.data.text.Tokenizer;

/**
 * Random bytes and strings for the email, JSONL and CSV readers and the text cleaning: every input ends, within a
 * bound, in texts or a {@link DataFormatException} naming the file; never a hang or another exception.
 */
class TextReaderPropertiesTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Property(tries = 200)
    void emailsJsonLinesAndCsvEndInTextsOrANamedError(@ForAll @Size(max = 3000) byte[] bytes) throws Exception {
        for (String suffix : new String[] {".eml", ".jsonl", ".csv"}) {
            Path file = Files.createTempFile("texts", suffix);
            try {
                Files.write(file, bytes);
                InputFile input = new InputFile(file.getFileName().toString(), null,
                        file.toString());
                assertTimeoutPreemptively(BOUND, () -> {
                    try {
                        switch (suffix) {
                            case ".eml" -> EmailCorpus.readEmail(file.toString());
                            case ".jsonl" -> TextSource.readJsonLines(input);
                            default -> TextSource.readCsv(input);
                        }
                    } catch (DataFormatException e) {
                        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                    }
                });
            } finally {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 300)
    void cleaningAndTokenisingEndForAnyText(@ForAll @Size(max = 5000) String text) {
        assertTimeoutPreemptively(BOUND, () -> Tokenizer.tokens(TextCleaner.cleanEmail(text)));
    }

    @Property(tries = 100)
    void jsonLinesOfRandomStringsEndInTextsOrANamedError(@ForAll @Size(max = 20) java.util.List<String> lines)
            throws Exception {
        Path file = Files.createTempFile("texts", ".jsonl");
        try {
            Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
            InputFile input = new InputFile("t.jsonl", null, file.toString());
            assertTimeoutPreemptively(BOUND, () -> {
                try {
                    TextSource.readJsonLines(input);
                } catch (DataFormatException e) {
                    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
                }
            });
        } finally {
            Files.delete(file);
        }
    }
}
