package org.dlspark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path dir;

    @Test
    void committedRunAppearsWithItsFiles() throws IOException {
        Path target = dir.resolve("runs/one");
        try (RunFolder run = RunFolder.start(target)) {
            Files.writeString(run.resolve("metrics.json"), "{}");
            assertFalse(Files.exists(target));
            assertEquals(target.toString(), run.commit());
        }
        assertEquals("{}", Files.readString(target.resolve("metrics.json")));
        assertEquals(List.of(target), list(dir.resolve("runs")));
    }

    @Test
    void aCommittedRunHoldsACopyOfTheLogAndAStalledOneKeepsItsDumpsAndLog() throws IOException {
        Path log = Files.writeString(dir.resolve("dlspark-1.log"), "INFO Spark started\n");
        System.setProperty(Console.LOG_FILE_PROPERTY, log.toString());
        try {
            Path target = dir.resolve("runs/logged");
            try (RunFolder run = RunFolder.start(target)) {
                run.commit();
            }
            assertEquals("INFO Spark started\n", Files.readString(target.resolve("logs/dlspark-1.log")));

            Path stalled = dir.resolve("runs/stalled");
            assertThrows(IllegalStateException.class, () -> {
                try (RunFolder run = RunFolder.start(stalled)) {
                    Files.createDirectories(run.resolve(RunFolder.STALLS).resolve("epoch-1-attempt-1"));
                    throw new IllegalStateException("stalled twice");
                }
            });
            Path hidden = dir.resolve("runs/.stalled.partial");
            assertTrue(Files.isDirectory(hidden.resolve("stalls/epoch-1-attempt-1")));
            assertTrue(Files.exists(hidden.resolve("logs/dlspark-1.log")));
        } finally {
            System.clearProperty(Console.LOG_FILE_PROPERTY);
        }
    }

    @Test
    void failedRunLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("two");
        assertThrows(IllegalStateException.class, () -> {
            try (RunFolder run = RunFolder.start(target)) {
                Files.writeString(run.resolve("model.zip"), "partial");
                throw new IllegalStateException("training failed");
            }
        });
        List<Path> left = list(dir);
        assertTrue(left.isEmpty(), () -> "left behind: " + left);
    }

    @Test
    void existingRunFolderIsRefused() throws IOException {
        Path target = Files.createDirectory(dir.resolve("three"));
        assertThrows(FileAlreadyExistsException.class, () -> RunFolder.start(target));
    }

    @Test
    void interruptedRunWithCheckpointsIsKeptForResuming() throws IOException {
        Path target = dir.resolve("four");
        try (RunFolder run = RunFolder.start(target)) {
            Files.createDirectories(run.resolve(RunFolder.CHECKPOINTS));
            Files.writeString(run.resolve(RunFolder.CHECKPOINTS).resolve("epoch-0001.zip"), "model");
            Files.writeString(run.resolve("metrics.jsonl"), "{}");
        }
        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class,
                () -> RunFolder.start(target));
        assertTrue(refused.getMessage().contains("continue it with --resume"), refused.getMessage());
        try (RunFolder run = RunFolder.start(target.toString(), true)) {
            assertTrue(run.resumed());
            assertEquals("{}", Files.readString(run.resolve("metrics.jsonl")));
            run.commit();
        }
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void resumingWithoutAnInterruptedRunStartsANewOne() throws IOException {
        try (RunFolder run = RunFolder.start(dir.resolve("five").toString(), true)) {
            assertFalse(run.resumed());
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
