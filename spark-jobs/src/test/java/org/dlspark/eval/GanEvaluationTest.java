package org.dlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GanEvaluationTest {

    @Test
    void entropyIsLnOfTheClassCountWhenEvenAndZeroWhenCollapsed() {
        assertEquals(Math.log(10), GanEvaluation.entropy(List.of(100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L,
                100L), 1000), 1e-12);
        assertEquals(0, GanEvaluation.entropy(List.of(1000L, 0L, 0L), 1000), 1e-12);
        assertEquals(0.8 * Math.log(10), org.dlspark.quality.QualityTargets.CLASS_ENTROPY, 1e-12);
    }
}
