package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dlspark.train.sharing.SharingSettings;
import org.junit.jupiter.api.Test;

class TrainSettingsTest {

    private static TrainSettings settings(int epochs, int batch, Integer workers) {
        return settings(epochs, batch, workers, SharingSettings.DEFAULTS);
    }

    private static TrainSettings settings(int epochs, int batch, Integer workers, SharingSettings sharing) {
        return new TrainSettings("cnn", Map.of(), Strategy.PARAMETER_AVERAGING, "data", "out", epochs,
                batch, null, workers, 5, sharing, 1, 100, 100, EarlyStopping.OFF, LearningRateSchedule.CONSTANT, false,
                false, TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false, null);
    }

    @Test
    void acceptsValidSettings() {
        assertEquals(5, settings(5, 64, null).epochs());
        assertEquals(2, settings(5, 64, 2).workers());
    }

    @Test
    void errorsNameTheOption() {
        assertEquals("--epochs: must be at least 1, got 0",
                assertThrows(InvalidSettingException.class, () -> settings(0, 64, null)).getMessage());
        assertEquals("--batch: must be at least 1, got -3",
                assertThrows(InvalidSettingException.class, () -> settings(1, -3, null)).getMessage());
        assertEquals("--workers: must be at least 1, got 0",
                assertThrows(InvalidSettingException.class, () -> settings(1, 64, 0)).getMessage());
        assertEquals("--sharing-density: must be above 0 and at most 1, got 1.5", assertThrows(
                InvalidSettingException.class, () -> settings(1, 64, 2,
                        new SharingSettings(1.5, Duration.ofSeconds(9), StallTimeout.AUTO)))
                .getMessage());
        assertEquals("--sharing-timeout: must be at least 1 second, got 0", assertThrows(
                InvalidSettingException.class, () -> settings(1, 64, 2,
                        new SharingSettings(0.1, Duration.ZERO, StallTimeout.AUTO)))
                .getMessage());
    }

    @Test
    void aGlobalBatchIsSplitAmongTheWorkers() {
        TrainSettings global = new TrainSettings("cnn", Map.of(), Strategy.GRADIENT_SHARING, "data", "out", 1, 64,
                128, null, 5, SharingSettings.DEFAULTS, 1, 100, 100, EarlyStopping.OFF,
                LearningRateSchedule.CONSTANT, false, false, TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false, null);
        assertEquals(64, global.workerBatch(2));
        assertEquals(16, global.workerBatch(8));
        assertEquals(43, global.workerBatch(3));
        assertEquals(64, settings(1, 64, null).workerBatch(8));
        InvalidSettingException tooSmall = assertThrows(InvalidSettingException.class, () -> global.workerBatch(200));
        assertTrue(tooSmall.getMessage().contains("--global-batch"), tooSmall.getMessage());
    }
}
