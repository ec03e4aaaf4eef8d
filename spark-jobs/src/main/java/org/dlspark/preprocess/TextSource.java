package org.dlspark.preprocess;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.text.EmailCorpus;
import org.dlspark.data.text.LabelledText;
import org.dlspark.data.text.TextRecords;

/**
 * Reads labelled texts on Spark. {@code emails}: the SpamAssassin layout ({@link EmailCorpus}), one task per group
 * of files. {@code texts}: a folder of class folders (the folder name is the label, one UTF-8 text per file), or a
 * JSONL file (one object per line with {@code text} and {@code label}), or a CSV file with a header naming
 * {@code text} and {@code label} columns.
 */
final class TextSource {

    private TextSource() {
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
        if (!DataFiles.exists(input)) {
            throw new DataFormatException(input + ": no such folder (texts takes a folder of class folders, or a "
                    + ".jsonl or .csv file)");
        }
        return ClassFolders.list(input, "texts");
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
    static List<LabelledText> readJsonLines(InputFile file) {
        return labelled(file, TextRecords.jsonLines(file.uri()));
    }

    /** The records of a CSV file with a header naming {@code text} and {@code label}. */
    static List<LabelledText> readCsv(InputFile file) {
        return labelled(file, TextRecords.csv(file.uri()));
    }

    private static List<LabelledText> labelled(InputFile file, List<TextRecords.Row> rows) {
        List<LabelledText> texts = new ArrayList<>(rows.size());
        for (TextRecords.Row row : rows) {
            texts.add(record(row.where(), file.id() + ":" + row.number(), row.fields().get("text"),
                    row.fields().get("label")));
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
