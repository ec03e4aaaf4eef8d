package org.dlspark.preprocess;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.text.EmailCorpus;
import org.dlspark.data.text.LabelledText;
import org.dlspark.data.text.Utf8;
import org.dlspark.io.Json;

/**
 * Reads labelled texts on Spark. {@code emails}: the SpamAssassin layout ({@link EmailCorpus}), one task per group
 * of files. {@code texts}: a folder of class folders (the folder name is the label, one UTF-8 text per file), or a
 * JSONL file (one object per line with {@code text} and {@code label}), or a CSV file with a header naming
 * {@code text} and {@code label} columns.
 */
final class TextSource {

    private TextSource() {
    }

    /** One input file and the label its folder gives (null for JSONL and CSV files, whose records carry it). */
    record InputFile(String id, String label, String uri) implements java.io.Serializable {
    }

    /**
     * The files to read, ordered by id.
     *
     * @throws DataFormatException when the input is missing or empty, or a class folder holds no files
     */
    static List<InputFile> files(InputFormat format, String input) {
        if (format == InputFormat.EMAILS) {
            return EmailCorpus.list(input).stream().map(f -> new InputFile(f.id(), f.label(), f.uri())).toList();
        }
        if (input.endsWith(".jsonl") || input.endsWith(".csv")) {
            if (!DataFiles.exists(input)) {
                throw new DataFormatException(input + ": file not found");
            }
            return List.of(new InputFile(new Path(input).getName(), null, input));
        }
        return classFolders(input);
    }

    private static List<InputFile> classFolders(String input) {
        try {
            Path root = new Path(input);
            FileSystem fs = DataFiles.fileSystem(root);
            if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
                throw new DataFormatException(input + ": no such folder (texts takes a folder of class folders, or a "
                        + ".jsonl or .csv file)");
            }
            List<InputFile> files = new ArrayList<>();
            for (FileStatus folder : fs.listStatus(root)) {
                if (!folder.isDirectory() || folder.getPath().getName().startsWith(".")) {
                    continue;
                }
                String label = folder.getPath().getName();
                int before = files.size();
                for (FileStatus file : fs.listStatus(folder.getPath())) {
                    if (file.isFile() && !file.getPath().getName().startsWith(".")) {
                        files.add(new InputFile(label + "/" + file.getPath().getName(), label,
                                file.getPath().toString()));
                    }
                }
                if (files.size() == before) {
                    throw new DataFormatException(folder.getPath() + ": class '" + label + "' has no texts");
                }
            }
            if (files.isEmpty()) {
                throw new DataFormatException(input + ": no class folders in this folder");
            }
            files.sort(java.util.Comparator.comparing(InputFile::id));
            return files;
        } catch (IOException e) {
            throw new DataFormatException(input + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The texts of {@code files}, read in parallel. */
    static JavaRDD<LabelledText> read(JavaSparkContext spark, InputFormat format, List<InputFile> files,
            int partitions) {
        return spark.parallelize(files, Math.max(1, Math.min(partitions, files.size()))).flatMap(file -> {
            if (file.label() != null) {
                return List.of(new LabelledText(file.id(), file.label(), EmailCorpus.readEmail(file.uri())))
                        .iterator();
            }
            return (file.uri().endsWith(".csv") ? readCsv(file) : readJsonLines(file)).iterator();
        }).repartition(partitions);
    }

    /** The records of a JSONL file: one object with {@code text} and {@code label} per line. */
    static List<LabelledText> readJsonLines(InputFile file) throws IOException {
        String[] lines = Utf8.decode(file.uri(), DataFiles.readAll(file.uri())).split("\n");
        List<LabelledText> texts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = file.uri() + ": line " + (i + 1);
            Map<?, ?> record;
            try {
                record = Json.parse(lines[i], Map.class);
            } catch (IOException e) {
                throw new DataFormatException(where + ": malformed JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            texts.add(record(where, file.id() + ":" + (i + 1), record.get("text"), record.get("label")));
        }
        return texts;
    }

    /** The records of a CSV file with a header naming {@code text} and {@code label}. */
    static List<LabelledText> readCsv(InputFile file) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (InputStream in = DataFiles.open(file.uri());
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            for (int record = 1; rows.hasNext(); record++) {
                Map<String, String> values = rows.next();
                texts.add(record(file.uri() + ": record " + record, file.id() + ":" + record, values.get("text"),
                        values.get("label")));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataFormatException format) {
                throw format;
            }
            throw new DataFormatException(file.uri() + ": malformed CSV: " + e.getMessage(), e);
        }
        return texts;
    }

    private static LabelledText record(String where, String id, Object text, Object label) {
        if (!(text instanceof String t) || t.isBlank()) {
            throw new DataFormatException(where + ": no 'text'");
        }
        if (!(label instanceof String) && !(label instanceof Number) || label.toString().isBlank()) {
            throw new DataFormatException(where + ": no 'label'");
        }
        return new LabelledText(id, label.toString(), t);
    }
}
