package org.dlspark.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.data.DataFormatException;
import org.dlspark.model.RunFolders;
import org.dlspark.model.TrainedModel;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    @TempDir
    Path dir;

    @Test
    void registersNumberedVersionsThatLoadAsModels() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry").toString());
        RegistryVersion first = registry.register("fashion", RunFolders.tinyCnn(dir.resolve("a"), 0.5, 1).toString());
        RegistryVersion second = registry.register("fashion", RunFolders.tinyCnn(dir.resolve("b"), 0.7, 2).toString());

        assertEquals(1, first.version());
        assertEquals(2, second.version());
        assertEquals(0.7, second.testAccuracy());
        assertEquals("cnn", second.model());
        assertEquals(List.of("fashion"), registry.names());
        assertEquals(List.of(1, 2), registry.versions("fashion").stream().map(RegistryVersion::version).toList());
        TrainedModel loaded = TrainedModel.load(registry.location("fashion", 2));
        assertEquals(RunFolders.CLASSES, loaded.classNames());
    }

    @Test
    void ignoresWhatAnInterruptedRegistrationLeft() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry").toString());
        Path leftover = Files.createDirectories(dir.resolve("registry/cnn/versions/.register-x.partial"));
        Files.writeString(leftover.resolve("model.zip"), "half");

        assertEquals(List.of(), registry.versions("cnn"));
        assertEquals(1, registry.register("cnn", RunFolders.tinyCnn(dir.resolve("a"), 0.5, 1).toString()).version());
    }

    @Test
    void movesAnAliasByAddingRecords() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry").toString());
        registry.register("cnn", RunFolders.tinyCnn(dir.resolve("a"), 0.5, 1).toString());
        registry.register("cnn", RunFolders.tinyCnn(dir.resolve("b"), 0.6, 2).toString());
        assertTrue(registry.alias("cnn", "production").isEmpty());

        registry.moveAlias("cnn", "production", 1, "first");
        AliasRecord moved = registry.moveAlias("cnn", "production", 2, "better");

        assertEquals(2, registry.alias("cnn", "production").orElseThrow().version());
        assertEquals(1, moved.previous());
        assertEquals(List.of("000001.json", "000002.json"), Files.list(dir.resolve("registry/cnn/aliases/production"))
                .map(p -> p.getFileName().toString()).sorted().toList());
        assertThrows(InvalidSettingException.class, () -> registry.moveAlias("cnn", "production", 9, "none"));
    }

    @Test
    void refusesARunFolderWithoutAModel() throws Exception {
        ModelRegistry registry = new ModelRegistry(dir.resolve("registry").toString());
        Path run = RunFolders.tinyCnn(dir.resolve("a"), 0.5, 1);
        Files.delete(run.resolve("model.zip"));

        DataFormatException error = assertThrows(DataFormatException.class,
                () -> registry.register("cnn", run.toString()));
        assertTrue(error.getMessage().contains("model.zip"), error.getMessage());
        assertEquals(List.of(), registry.versions("cnn"));
        assertThrows(InvalidSettingException.class, () -> registry.register("../x", run.toString()));
    }
}
