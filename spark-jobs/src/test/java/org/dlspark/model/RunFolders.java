package org.dlspark.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.util.ModelSerializer;
import org.dlspark.io.Json;
import org.dlspark.run.RunInfo;
import org.dlspark.shard.Manifest;
import org.dlspark.zoo.ModelZoo;

/** Writes small run folders, as {@code train} does, for tests of what uses them. */
public final class RunFolders {

    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final Map<String, String> TINY_CNN = Map.of("filters1", "2", "filters2", "2", "filters3", "2",
            "dense", "4");

    private RunFolders() {
    }

    /** A run folder of an untrained tiny cnn whose metrics say {@code accuracy}, weights seeded by {@code seed}. */
    public static Path tinyCnn(Path folder, double accuracy, long seed) throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> values = new java.util.HashMap<>(TINY_CNN);
        values.put("seed", seed);
        ModelSerializer.writeModel(ModelZoo.create("cnn", values).build(), folder.resolve("model.zip").toFile(), true);
        Json.write(folder.resolve(RunInfo.FILE), new RunInfo("cnn", TINY_CNN, CLASSES,
                new Manifest.Normaliser("scale", 0, 255), "data", "sha", "single-jvm", 1, 16, seed, 100, "test",
                "2026-01-01T00:00:00Z", org.dlspark.fetch.Sha256.of(folder.resolve("model.zip"))));
        Files.writeString(folder.resolve("metrics.json"), "{\"model\": \"cnn\", \"accuracy\": " + accuracy + "}");
        return folder;
    }
}
