package org.dlspark.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.data.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionInputsTest {

    @TempDir
    Path dir;

    @Test
    void readsTextsFromCsvAndJsonLinesNamedByIdOrNumber() throws Exception {
        Path csv = Files.writeString(dir.resolve("new.csv"), "id,text\na7,\"free money, now\"\n,hello\n");
        Path jsonl = Files.writeString(dir.resolve("new.jsonl"), "{\"text\": \"one\"}\n\n{\"id\": 9, \"text\": \"two\"}\n");

        List<InputRecord> fromCsv = PredictionInputs.read(csv.toString());
        assertEquals(List.of("a7", "2"), fromCsv.stream().map(InputRecord::id).toList());
        assertEquals("free money, now", fromCsv.get(0).text());
        List<InputRecord> fromJson = PredictionInputs.read(jsonl.toString());
        assertEquals(List.of("1", "9"), fromJson.stream().map(InputRecord::id).toList());
        assertEquals("two", fromJson.get(1).text());
    }

    @Test
    void errorsNameTheFileAndRecord() throws Exception {
        Path jsonl = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\": \"one\"}\n{\"body\": \"two\"}\n");
        DataFormatException noText = assertThrows(DataFormatException.class,
                () -> PredictionInputs.read(jsonl.toString()));
        assertTrue(noText.getMessage().equals(jsonl + ": line 2: no 'text'"), noText.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "id,text\n");
        assertTrue(assertThrows(DataFormatException.class, () -> PredictionInputs.read(empty.toString()))
                .getMessage().contains("holds nothing to score"));
    }
}
