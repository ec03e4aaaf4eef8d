package org.dlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RealismEvaluationTest {

    /** Each generated image counts by the discriminator's probability that it is real, merged over partitions. */
    @Test
    void theShareTakenForRealIsTheMeanProbabilityOverEveryPartition() {
        RealismEvaluation first = new RealismEvaluation();
        first.eval(Nd4j.ones(2, 1), Nd4j.createFromArray(new float[][] {{0.9f}, {0.1f}}));
        RealismEvaluation second = new RealismEvaluation();
        second.eval(Nd4j.ones(2, 1), Nd4j.createFromArray(new float[][] {{0.6f}, {0.2f}}));
        first.merge(second);
        assertEquals(0.45, first.takenForReal(), 1e-6);
        first.reset();
        assertTrue(Double.isNaN(first.takenForReal()));
    }
}
