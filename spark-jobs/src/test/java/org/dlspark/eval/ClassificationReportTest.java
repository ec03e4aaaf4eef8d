package org.dlspark.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {

    @Test
    void computesPerClassAndMacroFiguresFromTheConfusionMatrix() {
        // rows: actual a, b, c; columns: predicted a, b, c
        long[][] confusion = {{3, 1, 0}, {0, 2, 0}, {1, 1, 0}};
        ClassificationReport report = ClassificationReport.fromConfusion(confusion, List.of("a", "b", "c"));

        assertEquals(5.0 / 8, report.accuracy(), 1e-12);
        assertEquals(8, report.examples());
        ClassMetrics a = report.perClass().get(0);
        assertEquals(0.75, a.precision(), 1e-12);
        assertEquals(0.75, a.recall(), 1e-12);
        assertEquals(4, a.support());
        ClassMetrics b = report.perClass().get(1);
        assertEquals(0.5, b.precision(), 1e-12);
        assertEquals(1.0, b.recall(), 1e-12);
        assertEquals(2.0 / 3, b.f1(), 1e-12);
        ClassMetrics c = report.perClass().get(2);
        assertEquals(0, c.precision());
        assertEquals(0, c.f1());
        assertEquals((0.75 + 0.5 + 0) / 3, report.macroPrecision(), 1e-12);
        assertEquals((0.75 + 1.0 + 0) / 3, report.macroRecall(), 1e-12);
        assertEquals((0.75 + 2.0 / 3) / 3, report.macroF1(), 1e-12);
    }
}
