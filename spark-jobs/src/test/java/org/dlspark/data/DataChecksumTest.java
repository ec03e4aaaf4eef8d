package org.dlspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataChecksumTest {

    @TempDir
    Path dir;

    private Path folder(String name, String a, String b) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name).resolve("sub"));
        Files.writeString(folder.getParent().resolve("a.txt"), a);
        Files.writeString(folder.resolve("b.txt"), b);
        return folder.getParent();
    }

    @Test
    void equalDataGivesEqualChecksumsAndAnyChangeANewOne() throws Exception {
        String first = DataChecksum.ofFolder(folder("one", "x", "y").toString());
        assertEquals(first, DataChecksum.ofFolder(folder("two", "x", "y").toString()));
        assertNotEquals(first, DataChecksum.ofFolder(folder("three", "x", "z").toString()));
        assertNotEquals(first, DataChecksum.ofFolder(folder("four", "xy", "").toString()));
        assertEquals(64, first.length());
    }

    @Test
    void hiddenFilesDoNotCount() throws Exception {
        Path folder = folder("one", "x", "y");
        String before = DataChecksum.ofFolder(folder.toString());
        Files.writeString(folder.resolve(".a.txt.crc"), "crc");
        Files.createDirectories(folder.resolve("_temporary"));
        Files.writeString(folder.resolve("_temporary/part"), "partial");
        assertEquals(before, DataChecksum.ofFolder(folder.toString()));
    }

    @Test
    void aPreprocessedDataSetIsCheckedByItsManifestWhichRecordsItsShards() throws Exception {
        Path folder = folder("prepared", "shard bytes", "more shard bytes");
        Files.writeString(folder.resolve("manifest.json"), "{\"sha256\": \"1\"}");
        String before = DataChecksum.ofFolder(folder.toString());
        Files.writeString(folder.resolve("a.txt"), "the shards are not read");
        assertEquals(before, DataChecksum.ofFolder(folder.toString()));
        Files.writeString(folder.resolve("manifest.json"), "{\"sha256\": \"2\"}");
        assertNotEquals(before, DataChecksum.ofFolder(folder.toString()));
    }
}
