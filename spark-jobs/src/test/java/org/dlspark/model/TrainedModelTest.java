package org.dlspark.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dlspark.data.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainedModelTest {

    @TempDir
    Path dir;

    @Test
    void loadsARunFolderOrItsModelFile() throws Exception {
        Path run = RunFolders.tinyCnn(dir.resolve("run"), 0.5, 1);
        assertEquals(run.toString(), TrainedModel.load(run.toString()).location());
        assertEquals(run.toString(), TrainedModel.load(run.resolve("model.zip").toString()).location());
        assertEquals(10, TrainedModel.load(run.toString()).network().outputSingle(
                org.nd4j.linalg.factory.Nd4j.rand(1, 1, 28, 28)).length());
    }

    @Test
    void aTruncatedOrAlteredModelIsNamed() throws Exception {
        Path run = RunFolders.tinyCnn(dir.resolve("run"), 0.5, 1);
        Path model = run.resolve("model.zip");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, Arrays.copyOf(bytes, bytes.length / 2));
        DataFormatException truncated = assertThrows(DataFormatException.class, () -> TrainedModel.load(run.toString()));
        assertTrue(truncated.getMessage().startsWith(model + ": SHA-256 ") && truncated.getMessage().contains(
                "truncated or altered"), truncated.getMessage());

        bytes[bytes.length - 10] ^= 1;
        Files.write(model, bytes);
        assertThrows(DataFormatException.class, () -> TrainedModel.load(run.toString()));
    }

    @Test
    void aMissingRunDescriptionIsNamed() throws Exception {
        Path run = RunFolders.tinyCnn(dir.resolve("run"), 0.5, 1);
        Files.delete(run.resolve("run.json"));
        DataFormatException missing = assertThrows(DataFormatException.class, () -> TrainedModel.load(run.toString()));
        assertTrue(missing.getMessage().contains("run.json: missing"), missing.getMessage());
    }
}
