package org.dlspark.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mirror on Hadoop's local file system: the same code path HDFS takes (HdfsPreprocessIT runs it on HDFS). */
class HadoopMirrorTest {

    @TempDir
    Path dir;

    @Test
    void uploadCopiesNewAndChangedFilesAndRemovesGoneOnes() throws IOException {
        Path local = Files.createDirectories(dir.resolve("local/checkpoints"));
        Files.writeString(local.resolve("epoch-0001.zip"), "one");
        Files.writeString(local.getParent().resolve("metrics.jsonl"), "{\"epoch\":1}\n");
        HadoopMirror mirror = mirror();

        mirror.upload(local.getParent());
        assertEquals(List.of("checkpoints/epoch-0001.zip", "metrics.jsonl"), files(dir.resolve("remote")));

        Files.writeString(local.resolve("epoch-0002.zip"), "two");
        Files.delete(local.resolve("epoch-0001.zip"));
        Files.writeString(local.getParent().resolve("metrics.jsonl"), "{\"epoch\":1}\n{\"epoch\":2}\n");
        mirror.upload(local.getParent());
        assertEquals(List.of("checkpoints/epoch-0002.zip", "metrics.jsonl"), files(dir.resolve("remote")));
        assertEquals("{\"epoch\":1}\n{\"epoch\":2}\n", Files.readString(dir.resolve("remote/metrics.jsonl")));
    }

    @Test
    void aFileRewrittenWithTheSameSizeIsCopiedAgain() throws IOException {
        Path local = Files.createDirectories(dir.resolve("local"));
        Files.writeString(local.resolve("best.zip"), "aaaa");
        HadoopMirror mirror = mirror();
        mirror.upload(local);
        Files.writeString(local.resolve("best.zip"), "bbbb");
        Files.setLastModifiedTime(local.resolve("best.zip"), FileTime.fromMillis(
                Files.getLastModifiedTime(local.resolve("best.zip")).toMillis() + 2_000));
        mirror.upload(local);
        assertEquals("bbbb", Files.readString(dir.resolve("remote/best.zip")));
    }

    @Test
    void downloadRestoresTheFolderAndSkipsUnfinishedUploads() throws IOException {
        Path remote = Files.createDirectories(dir.resolve("remote/checkpoints"));
        Files.writeString(remote.resolve("epoch-0001.json"), "{}");
        Files.writeString(remote.resolve("epoch-0002.zip.uploading"), "half");
        Path local = Files.createDirectories(dir.resolve("local"));
        HadoopMirror mirror = mirror();

        mirror.download(local);
        assertEquals(List.of("checkpoints/epoch-0001.json"), files(local));
        mirror.upload(local);
        assertFalse(Files.exists(remote.resolve("epoch-0002.zip.uploading")), "a leftover partial file is removed");
        assertTrue(Files.exists(remote.resolve("epoch-0001.json")));
    }

    private HadoopMirror mirror() throws IOException {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.resolve("remote").toUri());
        FileSystem fs = HadoopOutputFolder.fileSystem(folder);
        return new HadoopMirror(fs, folder);
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }
}
