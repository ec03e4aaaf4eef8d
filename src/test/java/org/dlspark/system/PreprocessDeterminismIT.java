package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input and seed give byte-identical shards and manifest at 2 and at 8 Spark partitions. */
class PreprocessDeterminismIT {

    @TempDir
    Path dir;

    @Test
    void imagesAreShardedIdenticallyAtAnyPartitionCount() throws Exception {
        Path images = IdxFixtures.validData(Files.createDirectories(dir.resolve("images")));
        assertIdenticalAtTwoAndEightPartitions("--input", images.toString(), "--format", "idx", "--normalise",
                "standardise", "--shards", "3", "--batch", "8");
    }

    @Test
    void emailsAreShardedIdenticallyAtAnyPartitionCount() throws Exception {
        Path corpus = dir.resolve("emails");
        for (int i = 0; i < 30; i++) {
            Path file = corpus.resolve((i % 3 == 0 ? "spam/" : "easy_ham/") + String.format("%04d", i));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "Subject: message " + i + "\n\n<p>Offer " + (i % 3 == 0 ? "FREE money $" : "the "
                    + "meeting notes") + " number " + i + "</p>");
        }
        assertIdenticalAtTwoAndEightPartitions("--input", corpus.toString(), "--format", "emails", "--shards", "2",
                "--min-count", "1", "--max-length", "12");
    }

    private void assertIdenticalAtTwoAndEightPartitions(String... options) throws Exception {
        Path two = preprocess("two", 2, options);
        Path eight = preprocess("eight", 8, options);
        List<Path> files = files(two);
        assertTrue(files.contains(Path.of("manifest.json")) && files.contains(Path.of("train/part-00001.bin")),
                files::toString);
        assertEquals(files, files(eight));
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(two.resolve(file)), Files.readAllBytes(eight.resolve(file)),
                    file + " differs");
        }
    }

    private Path preprocess(String name, int partitions, String... options) throws Exception {
        Path output = dir.resolve(name);
        String[] args = Stream.concat(Stream.of("preprocess", "--output", output.toString(), "--partitions",
                Integer.toString(partitions), "--master", "local[2]"), Stream.of(options)).toArray(String[]::new);
        DlSparkProcess.Outcome outcome = DlSparkProcess.run(args);
        assertEquals(0, outcome.exitCode(), outcome::toString);
        return output;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
