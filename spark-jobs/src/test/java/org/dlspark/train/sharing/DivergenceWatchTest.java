package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DivergenceWatchTest {

    @Test
    void aLossThatFallsOrWobblesIsFine() {
        DivergenceWatch watch = new DivergenceWatch();
        for (int round = 1; round <= 200; round++) {
            double loss = 2.3 * Math.exp(-round / 50.0) + (round % 2 == 0 ? 0.3 : -0.3);
            assertFalse(watch.observe(1, round, loss), "round " + round);
        }
        assertNull(watch.verdict());
    }

    @Test
    void aLossThatIsNotFiniteStopsAtOnce() {
        DivergenceWatch watch = new DivergenceWatch();
        assertFalse(watch.observe(1, 1, 2.3));
        assertTrue(watch.observe(1, 2, Double.NaN));
        assertTrue(watch.verdict().contains("NaN at epoch 1, iteration 2"), watch.verdict());
    }

    @Test
    void aLossThatExplodesFromTheFirstUpdateStopsWithinAFewRounds() {
        DivergenceWatch watch = new DivergenceWatch();
        assertFalse(watch.observe(1, 1, 2.3));
        assertFalse(watch.observe(1, 2, 4.0));
        assertTrue(watch.observe(1, 3, 19.0));
        assertTrue(watch.verdict().contains("rose to 8.4333 (mean of the last 3 iterations) at epoch 1, iteration 3"),
                watch.verdict());
    }

    @Test
    void aLossFarAboveTheStartStopsInALaterEpoch() {
        DivergenceWatch watch = new DivergenceWatch();
        for (int round = 1; round <= DivergenceWatch.WINDOW; round++) {
            watch.observe(1, round, 2.0);
        }
        // The driver hands the next epoch a copy of the watch the last one ended with.
        DivergenceWatch nextEpoch = watch.copy();
        int round = 0;
        while (!nextEpoch.observe(2, ++round, 6.0)) {
            assertTrue(round < DivergenceWatch.WINDOW, "never stopped");
        }
        // The mean of the last 10 rounds passes 4.0 (twice the start) once 6 of them are at 6.0.
        assertTrue(nextEpoch.verdict().contains("epoch 2, iteration 6"), nextEpoch.verdict());
        assertTrue(nextEpoch.verdict().contains("2.0000 it started from"), nextEpoch.verdict());
        assertNull(watch.verdict(), "the copy diverged, not the original");
    }
}
