package org.dlspark.preprocess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;
import org.dlspark.data.DataFormatException;

/**
 * A folder of class folders, on any Hadoop file system: each folder's name is the label of the files in it. Hidden
 * files and folders (names starting with a dot) are left out.
 */
final class ClassFolders {

    private ClassFolders() {
    }

    /**
     * The files of the class folders in {@code input}, ordered by id.
     *
     * @param examples what the files hold, for messages ("texts", "images")
     * @throws DataFormatException when the folder is missing or holds no class folder, or a class folder is empty
     */
    static List<InputFile> list(String input, String examples) {
        try {
            Path root = new Path(input);
            FileSystem fs = DataFiles.fileSystem(root);
            if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
                throw new DataFormatException(input + ": no such folder (" + examples + " come in a folder of class "
                        + "folders)");
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
                    throw new DataFormatException(folder.getPath() + ": class '" + label + "' has no " + examples);
                }
            }
            if (files.isEmpty()) {
                throw new DataFormatException(input + ": no class folders in this folder");
            }
            files.sort(Comparator.comparing(InputFile::id));
            return files;
        } catch (IOException e) {
            throw new DataFormatException(input + ": cannot list: " + e.getMessage(), e);
        }
    }
}
