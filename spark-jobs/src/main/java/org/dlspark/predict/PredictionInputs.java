package org.dlspark.predict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.data.IdxImages;
import org.dlspark.data.IdxReader;
import org.dlspark.data.text.TextRecords;

/**
 * Lists what {@code predict} scores, from any Hadoop path: an IDX image file, a folder of image files (PNG), or texts
 * in a {@code .csv} file (a header naming a {@code text} column and optionally an {@code id} column) or a
 * {@code .jsonl} file (objects with {@code text} and optionally {@code id}).
 */
final class PredictionInputs {

    private PredictionInputs() {
    }

    /**
     * The inputs in {@code uri}.
     *
     * @throws DataFormatException naming the file (and record) that is missing, empty or malformed
     */
    static List<InputRecord> read(String uri) {
        if (uri.endsWith(".csv")) {
            return texts(uri, TextRecords.csv(uri));
        }
        if (uri.endsWith(".jsonl")) {
            return texts(uri, TextRecords.jsonLines(uri));
        }
        Path path = new Path(uri);
        try {
            FileSystem fs = DataFiles.fileSystem(path);
            if (!fs.exists(path)) {
                throw new DataFormatException(uri + ": not found");
            }
            return fs.getFileStatus(path).isDirectory() ? imageFolder(fs, path) : idx(uri);
        } catch (IOException e) {
            throw new DataFormatException(uri + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<InputRecord> idx(String uri) {
        IdxImages images = IdxReader.readImages(uri);
        int pixels = images.pixelsPerImage();
        String name = new Path(uri).getName();
        List<InputRecord> records = new ArrayList<>(images.count());
        for (int i = 0; i < images.count(); i++) {
            records.add(InputRecord.pixels(name + ":" + i, Arrays.copyOfRange(images.pixels(), i * pixels,
                    (i + 1) * pixels)));
        }
        return nonEmpty(records, uri);
    }

    private static List<InputRecord> imageFolder(FileSystem fs, Path folder) throws IOException {
        List<InputRecord> records = new ArrayList<>();
        for (FileStatus file : fs.listStatus(folder)) {
            String name = file.getPath().getName();
            if (file.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                records.add(InputRecord.imageFile(name, file.getPath().toString()));
            }
        }
        records.sort(java.util.Comparator.comparing(InputRecord::id));
        return nonEmpty(records, folder.toString());
    }

    /** The texts of {@code rows}, named by their {@code id} field or else their number. */
    private static List<InputRecord> texts(String uri, List<TextRecords.Row> rows) {
        List<InputRecord> records = new ArrayList<>(rows.size());
        for (TextRecords.Row row : rows) {
            Object id = row.fields().get("id");
            Object text = row.fields().get("text");
            records.add(text(row.where(), id == null ? null : id.toString(), row.number(),
                    text instanceof String s ? s : null));
        }
        return nonEmpty(records, uri);
    }

    private static InputRecord text(String where, String id, int number, String text) {
        if (text == null) {
            throw new DataFormatException(where + ": no 'text'");
        }
        return InputRecord.text(id != null && !id.isBlank() ? id : Integer.toString(number), text);
    }

    private static List<InputRecord> nonEmpty(List<InputRecord> records, String uri) {
        if (records.isEmpty()) {
            throw new DataFormatException(uri + ": holds nothing to score");
        }
        return records;
    }
}
