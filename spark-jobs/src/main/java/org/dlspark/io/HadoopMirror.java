package org.dlspark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A folder on a Hadoop file system (HDFS, say) kept as a copy of a local folder. {@link #upload} copies the files
 * that are new or changed since the last upload, each under a temporary name renamed into place, and removes the
 * files that are gone locally, so the folder never holds a partly written file.
 */
public final class HadoopMirror {

    private static final String PARTIAL = ".uploading";

    private final FileSystem fs;
    private final Path folder;
    /** What was last uploaded (or downloaded), by relative name: the local file's size and modification time. */
    private final Map<String, String> copied = new HashMap<>();

    /** The mirror of a local folder in {@code folder} on {@code fs}; nothing is created yet. */
    public HadoopMirror(FileSystem fs, Path folder) {
        this.fs = fs;
        this.folder = folder;
    }

    /** The mirrored folder. */
    public Path folder() {
        return folder;
    }

    /** Copies every file of the mirrored folder into {@code local}, which becomes its copy. */
    public void download(java.nio.file.Path local) throws IOException {
        String root = root();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, true);
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            String name = relative(root, file.getPath());
            if (name.endsWith(PARTIAL)) {
                continue;
            }
            java.nio.file.Path target = local.resolve(name);
            Files.createDirectories(target.getParent());
            try (InputStream in = fs.open(file.getPath())) {
                Files.copy(in, target);
            }
            copied.put(name, stamp(target));
        }
    }

    /**
     * Makes the mirrored folder hold what {@code local} holds: copies the new and changed files, removes the files
     * that are gone.
     */
    public void upload(java.nio.file.Path local) throws IOException {
        fs.mkdirs(folder);
        Set<String> present = new HashSet<>();
        try (Stream<java.nio.file.Path> tree = Files.walk(local)) {
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) tree.filter(Files::isRegularFile)::iterator) {
                String name = local.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                present.add(name);
                String stamp = stamp(file);
                if (!stamp.equals(copied.get(name))) {
                    copy(file, new Path(folder, name));
                    copied.put(name, stamp);
                }
            }
        }
        String root = root();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, true);
        Set<String> gone = new HashSet<>();
        while (files.hasNext()) {
            String name = relative(root, files.next().getPath());
            if (!present.contains(name)) {
                gone.add(name);
            }
        }
        for (String name : gone) {
            fs.delete(new Path(folder, name), false);
            copied.remove(name);
        }
    }

    private void copy(java.nio.file.Path file, Path target) throws IOException {
        Path partial = new Path(target.getParent(), target.getName() + PARTIAL);
        try (OutputStream out = fs.create(partial, true)) {
            Files.copy(file, out);
        }
        if (fs.exists(target) && !fs.delete(target, false)) {
            throw new IOException("cannot replace " + target);
        }
        if (!fs.rename(partial, target)) {
            throw new IOException("cannot rename " + partial + " to " + target);
        }
    }

    /** The mirrored folder's path as the file system lists it (qualified, without scheme and authority). */
    private String root() throws IOException {
        return fs.getFileStatus(folder).getPath().toUri().getPath();
    }

    private static String relative(String root, Path file) {
        return file.toUri().getPath().substring(root.length() + 1);
    }

    private static String stamp(java.nio.file.Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        return Files.size(file) + "@" + modified.toMillis();
    }
}
