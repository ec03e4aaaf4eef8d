package org.dlspark.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.text.LabelledText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {

    @TempDir
    Path dir;

    private InputFile file(String name, String content) throws IOException {
        Path path = Files.writeString(dir.resolve(name), content);
        return new InputFile(name, null, path.toString());
    }

    @Test
    void readsCsvWithQuotedMultiLineTexts() throws IOException {
        InputFile csv = file("texts.csv", "label,text\npos,\"good, really\nvery good\"\nneg,bad\n");
        assertEquals(List.of(new LabelledText("texts.csv:1", "pos", "good, really\nvery good"),
                new LabelledText("texts.csv:2", "neg", "bad")), TextSource.readCsv(csv));
    }

    @Test
    void readsJsonLinesSkippingBlankLines() throws IOException {
        InputFile jsonl = file("texts.jsonl", "{\"text\":\"a b\",\"label\":1}\n\n{\"text\":\"c\",\"label\":0}\n");
        assertEquals(List.of(new LabelledText("texts.jsonl:1", "1", "a b"), new LabelledText("texts.jsonl:3", "0", "c")),
                TextSource.readJsonLines(jsonl));
    }

    @Test
    void malformedOrIncompleteRecordsAreNamed() throws IOException {
        InputFile broken = file("broken.jsonl", "{\"text\":\"a\",\"label\":\"x\"}\n{\"text\": \n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> TextSource.readJsonLines(broken));
        assertTrue(e.getMessage().contains("broken.jsonl: line 2: malformed JSON"), e.getMessage());
        InputFile unlabelled = file("unlabelled.csv", "text,label\nhello,\n");
        e = assertThrows(DataFormatException.class, () -> TextSource.readCsv(unlabelled));
        assertTrue(e.getMessage().endsWith("unlabelled.csv: record 1: no 'label'"), e.getMessage());
    }
}
