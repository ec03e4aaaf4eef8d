package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TrainSettingsTest {

    private static TrainSettings settings(int epochs, int batch, int workers) {
        return new TrainSettings("cnn", Strategy.PARAMETER_AVERAGING, "data", Path.of("out"), epochs, batch, workers, 5, 1, 100, 100);
    }

    @Test
    void acceptsValidSettings() {
        assertEquals(5, settings(5, 64, 0).epochs());
    }

    @Test
    void errorsNameTheOption() {
        assertEquals("--epochs: must be at least 1, got 0",
                assertThrows(InvalidSettingException.class, () -> settings(0, 64, 0)).getMessage());
        assertEquals("--batch: must be at least 1, got -3",
                assertThrows(InvalidSettingException.class, () -> settings(1, -3, 0)).getMessage());
        assertEquals("--workers: must be at least 0, got -1",
                assertThrows(InvalidSettingException.class, () -> settings(1, 64, -1)).getMessage());
    }
}
