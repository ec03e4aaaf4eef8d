package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                batch, workers, 5, sharing, 1, 100, 100, EarlyStopping.OFF, LearningRateSchedule.CONSTANT, false,
                false, TrainSettings.DEFAULT_DRIVER_READ_LIMIT, null, false);
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
}
