package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static List<EpochReport> history(double... validation) {
        List<EpochReport> reports = new ArrayList<>();
        for (int i = 0; i < validation.length; i++) {
            reports.add(new EpochReport(i + 1, 1, Score.ACCURACY, 0.5, validation[i], 100, 10, 0));
        }
        return reports;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping(2);
        assertFalse(stopping.shouldStop(history(0.5, 0.6)));
        assertFalse(stopping.shouldStop(history(0.5, 0.6, 0.55)));
        assertTrue(stopping.shouldStop(history(0.5, 0.6, 0.55, 0.6)), "a tie is no improvement");
        assertEquals(2, stopping.bestEpoch(history(0.5, 0.6, 0.55, 0.6)));
    }

    @Test
    void knowsWhenTheLastEpochIsTheBest() {
        EarlyStopping stopping = new EarlyStopping(1);
        assertTrue(stopping.lastIsBest(history(0.5, 0.7)));
        assertFalse(stopping.lastIsBest(history(0.5, 0.7, 0.6)));
    }

    @Test
    void offNeverStops() {
        assertFalse(EarlyStopping.OFF.shouldStop(history(0.9, 0.1, 0.1, 0.1)));
        assertFalse(EarlyStopping.OFF.lastIsBest(history(0.9)));
    }

    @Test
    void negativePatienceIsRefused() {
        assertEquals("--patience: must be at least 0, got -1",
                assertThrows(InvalidSettingException.class, () -> new EarlyStopping(-1)).getMessage());
    }

    @Test
    void isOnByDefaultOnlyForADataSetWithAValidationSplitOfItsOwn() {
        assertEquals(new EarlyStopping(EarlyStopping.DEFAULT_PATIENCE), EarlyStopping.byDefault(true));
        assertFalse(EarlyStopping.byDefault(false).enabled());
    }
}
