package org.dlspark.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelZooTest {

    @Test
    void listsTheRegisteredFamilies() {
        assertTrue(ModelZoo.names().containsAll(java.util.List.of("cnn", "rnn", "lstm", "autoencoder")));
    }

    @Test
    void unknownNameIsRefusedWithTheKnownNames() {
        UnknownModelException error = assertThrows(UnknownModelException.class, () -> ModelZoo.create("vgg"));
        assertTrue(error.getMessage().startsWith("unknown model 'vgg'; known models: cnn"), error.getMessage());
    }

    @Test
    void overridesApplyOverTheDefaults() {
        ZooModel model = ModelZoo.create("lstm", Map.of("hiddenSize", 32, "updater", "rmsprop", "seed", "7"));
        assertEquals(Updater.RMSPROP, model.optimization().updater());
        assertEquals(7, model.optimization().seed());
        assertEquals(1e-3, model.optimization().learningRate());
        assertEquals(new org.dlspark.zoo.text.TextArchitecture(20_000, 256, 64, 32, 2), model.architecture());
    }

    @Test
    void unknownHyperparameterIsNamedWithTheKnownOnes() {
        HyperparameterException error = assertThrows(HyperparameterException.class,
                () -> ModelZoo.create("cnn", Map.of("filter1", 8)));
        assertTrue(error.getMessage().startsWith("cnn: hyperparameter 'filter1' is unknown; known: updater, "
                + "learningRate, l2, dropout, seed, filters1"), error.getMessage());
    }

    @Test
    void outOfRangeValuesAreNamed() {
        assertEquals("cnn: hyperparameter 'learningRate' must be a positive number, got -0.1",
                assertThrows(HyperparameterException.class,
                        () -> ModelZoo.create("cnn", Map.of("learningRate", -0.1))).getMessage());
        assertEquals("lstm: hyperparameter 'hiddenSize' must be at least 1, got 0",
                assertThrows(HyperparameterException.class,
                        () -> ModelZoo.create("lstm", Map.of("hiddenSize", 0))).getMessage());
        assertEquals("autoencoder: hyperparameter 'dropout' must be in [0, 1), got 1.5",
                assertThrows(HyperparameterException.class,
                        () -> ModelZoo.create("autoencoder", Map.of("dropout", 1.5))).getMessage());
    }

    @Test
    void valuesOfTheWrongTypeAreNamed() {
        HyperparameterException error = assertThrows(HyperparameterException.class,
                () -> ModelZoo.create("rnn", Map.of("embeddingSize", "wide")));
        assertEquals("rnn: hyperparameter 'embeddingSize' has an invalid value 'wide'", error.getMessage());
        HyperparameterException updater = assertThrows(HyperparameterException.class,
                () -> ModelZoo.create("rnn", Map.of("updater", "adagrad")));
        assertTrue(updater.getMessage().startsWith("rnn: hyperparameter 'updater' has an invalid value 'adagrad'"),
                updater.getMessage());
    }
}
