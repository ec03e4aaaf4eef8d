package org.dlspark.data.text;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.Json;

/**
 * Reads the records of a file of texts, on any Hadoop path: a CSV file whose header row names the columns, or a
 * JSON Lines file of objects (blank lines skipped). Errors name the file and the line or record.
 */
public final class TextRecords {

    /**
     * One record.
     *
     * @param where the file and line (JSONL) or record (CSV), for errors
     * @param number its line (JSONL) or record (CSV) number, from 1
     * @param fields its fields by name
     */
    public record Row(String where, int number, Map<?, ?> fields) {
    }

    private TextRecords() {
    }

    /** The records of the JSONL file {@code uri}. */
    public static List<Row> jsonLines(String uri) {
        String[] lines = Utf8.decode(uri, DataFiles.readAll(uri)).split("\n");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = uri + ": line " + (i + 1);
            try {
                rows.add(new Row(where, i + 1, Json.parse(lines[i], Map.class)));
            } catch (IOException e) {
                throw new DataFormatException(where + ": malformed JSON: "
                        + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        return rows;
    }

    /** The records of the CSV file {@code uri}, the first row naming the columns. */
    public static List<Row> csv(String uri) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = DataFiles.open(uri);
                MappingIterator<Map<String, String>> records = new CsvMapper().readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            for (int number = 1; records.hasNext(); number++) {
                rows.add(new Row(uri + ": record " + number, number, records.next()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFormatException format) {
                throw format;
            }
            throw new DataFormatException(uri + ": malformed CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
