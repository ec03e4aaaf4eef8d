package org.dlspark.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.train.Replica;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class CheckpointsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Checkpoints checkpoints() {
        return new Checkpoints(dir.resolve("checkpoints"), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private static ComputationGraph network() {
        ComputationGraph network = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(1)
                .updater(new Adam(0.01)).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(5).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build());
        network.init();
        return network;
    }

    private static void fitOnce(ComputationGraph network) {
        network.fit(new DataSet(Nd4j.rand(8, 4), Nd4j.eye(2).repeat(0, 4)));
    }

    @Test
    void restoresParametersUpdaterStateAndCounters() throws IOException {
        ComputationGraph network = network();
        fitOnce(network);
        network.getConfiguration().setEpochCount(1);
        Checkpoint saved = checkpoints().save(Replica.of(network), 1, 42);
        assertEquals(new Checkpoint(1, 1, 42, "epoch-0001.zip", saved.sha256()), saved);

        Checkpoints.Restored restored = checkpoints().latest().orElseThrow();
        assertEquals(saved, restored.checkpoint());
        assertEquals(network.params(), restored.replica().model().params());
        assertEquals(network.getUpdater().getStateViewArray(), restored.replica().model().getUpdater().getStateViewArray());
        assertEquals(1, restored.replica().model().getConfiguration().getIterationCount());
        assertEquals(1, restored.replica().model().getConfiguration().getEpochCount());
    }

    @Test
    void restoresTheNetworksThatTrainBesideTheModel() throws IOException {
        ComputationGraph model = network();
        ComputationGraph companion = network();
        fitOnce(companion);
        fitOnce(companion);
        checkpoints().save(new Replica(List.of(model, companion)), 1, 42);

        Replica restored = checkpoints().latest().orElseThrow().replica();
        assertEquals(2, restored.networks().size());
        assertEquals(model.params(), restored.model().params());
        assertEquals(companion.params(), restored.companions().get(0).params());
        assertEquals(companion.getUpdater().getStateViewArray(),
                restored.companions().get(0).getUpdater().getStateViewArray());
        assertEquals(2, restored.companions().get(0).getConfiguration().getIterationCount());
    }

    @Test
    void keepsTheLastTwo() throws IOException {
        ComputationGraph network = network();
        for (int epoch = 1; epoch <= 4; epoch++) {
            fitOnce(network);
            checkpoints().save(Replica.of(network), epoch, 42);
        }
        try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
            assertEquals(List.of("epoch-0003.json", "epoch-0003.zip", "epoch-0004.json", "epoch-0004.zip"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(4, checkpoints().latest().orElseThrow().checkpoint().epoch());
    }

    @Test
    void aCorruptCheckpointIsNamedAndTheOneBeforeItUsed() throws IOException {
        ComputationGraph network = network();
        fitOnce(network);
        checkpoints().save(Replica.of(network), 1, 42);
        fitOnce(network);
        checkpoints().save(Replica.of(network), 2, 42);
        Path newest = dir.resolve("checkpoints/epoch-0002.zip");
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(newest, bytes);

        assertEquals(1, checkpoints().latest().orElseThrow().checkpoint().epoch());
        String warning = log.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains(newest + ": SHA-256") && warning.contains("corrupt"), warning);
    }

    @Test
    void nothingToRestoreFromAnEmptyFolder() throws IOException {
        assertTrue(checkpoints().latest().isEmpty());
    }
}
