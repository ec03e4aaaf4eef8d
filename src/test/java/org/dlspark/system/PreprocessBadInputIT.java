package org.dlspark.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code preprocess} refuses defective input and conflicting options with a message naming the file or option, a
 * non-zero exit, and no output (not even a partial one) left behind.
 */
class PreprocessBadInputIT {

    @TempDir
    Path dir;

    @Test
    void truncatedGzip() throws Exception {
        Path data = images();
        byte[] gzip = Files.readAllBytes(data.resolve("t10k-images-idx3-ubyte.gz"));
        Files.write(data.resolve("t10k-images-idx3-ubyte.gz"), Arrays.copyOf(gzip, gzip.length / 2));
        assertRefused(data.resolve("t10k-images-idx3-ubyte.gz") + ": truncated", "--input", data.toString(),
                "--format", "idx");
    }

    @Test
    void wrongMagicNumber() throws Exception {
        Path data = images();
        IdxFixtures.gzip(data.resolve("train-images-idx3-ubyte.gz"), IdxFixtures.idx(IdxFixtures.LABELS, 40, 0));
        assertRefused(data.resolve("train-images-idx3-ubyte.gz") + ": wrong magic number 2049", "--input",
                data.toString(), "--format", "idx");
    }

    @Test
    void labelCountDiffersFromImageCount() throws Exception {
        Path data = images();
        IdxFixtures.gzip(data.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.idx(IdxFixtures.LABELS, 19, 0));
        assertRefused(data.resolve("t10k-labels-idx1-ubyte.gz") + ": has 19 labels but", "--input",
                data.toString(), "--format", "idx");
    }

    @Test
    void emptyFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(empty + ": no class folders in this folder", "--input", empty.toString(), "--format", "texts");
    }

    @Test
    void nonUtf8Email() throws Exception {
        Path corpus = emails();
        Files.write(corpus.resolve("spam/0003"), "Subject: \u00a3\n\nwin".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(corpus.resolve("spam/0003") + ": not UTF-8 text", "--input", corpus.toString(), "--format",
                "emails");
    }

    @Test
    void classWithoutExamples() throws Exception {
        Path corpus = emails();
        for (String email : List.of("0002", "0004")) {
            Files.delete(corpus.resolve("spam/" + email));
        }
        assertRefused("class 'spam' has no emails", "--input", corpus.toString(), "--format", "emails");
    }

    @Test
    void conflictingFractions() throws Exception {
        assertRefused("--val-fraction: and --test-fraction add up to 1.1", "--input", emails().toString(),
                "--format", "emails", "--val-fraction", "0.5", "--test-fraction", "0.6");
        assertRefused("--test-fraction: does not apply to idx input", "--input", images().toString(), "--format",
                "idx", "--test-fraction", "0.2");
    }

    @Test
    void existingOutputWithoutOverwrite() throws Exception {
        Path output = Files.createDirectories(dir.resolve("out"));
        Files.writeString(output.resolve("keep"), "mine");
        DlSparkProcess.Outcome outcome = DlSparkProcess.run("preprocess", "--input", emails().toString(), "--format",
                "emails", "--output", output.toString(), "--master", "local[2]");
        assertEquals(1, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("--output: file:" + output + " exists already; pass --overwrite"),
                outcome::toString);
        assertEquals("mine", Files.readString(output.resolve("keep")));
    }

    private void assertRefused(String message, String... options) throws Exception {
        Path output = dir.resolve("out");
        String[] args = new String[options.length + 5];
        args[0] = "preprocess";
        System.arraycopy(options, 0, args, 1, options.length);
        System.arraycopy(new String[] {"--output", output.toString(), "--master", "local[2]"}, 0, args,
                options.length + 1, 4);
        DlSparkProcess.Outcome outcome = DlSparkProcess.run(args);
        assertEquals(1, outcome.exitCode(), outcome::toString);
        assertTrue(outcome.stderr().contains("preprocess: error: ") && outcome.stderr().contains(message),
                outcome::toString);
        // The plan and the error; Spark's task failures and stack traces go to the log file.
        assertTrue(outcome.consoleLines().size() <= 3, outcome::toString);
        assertFalse(Files.exists(output), "an output folder was left behind");
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".partial")),
                    "a partial output was left behind");
        }
    }

    private Path images() throws IOException {
        return IdxFixtures.validData(Files.createDirectories(dir.resolve("images")));
    }

    /** Two ham and two spam emails in the SpamAssassin layout. */
    private Path emails() throws IOException {
        Path corpus = dir.resolve("emails");
        for (String email : List.of("easy_ham/0001", "easy_ham/0003", "spam/0002", "spam/0004")) {
            Path file = corpus.resolve(email);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "Subject: note " + email + "\n\nHello, this is " + email);
        }
        return corpus;
    }
}
