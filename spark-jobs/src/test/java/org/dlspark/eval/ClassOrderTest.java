package org.dlspark.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ClassOrderTest {

    private static final DataSet BATCH = new DataSet(Nd4j.create(new float[] {1, 2, 3}, 3, 1),
            Nd4j.create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3));

    @Test
    void theSameOrderLeavesTheLabels() {
        ClassOrder order = ClassOrder.of(List.of("a", "b", "c"), List.of("a", "b", "c"), "--data", "d");
        assertFalse(order.reorders());
        assertSame(BATCH, order.relabel(BATCH));
    }

    @Test
    void anotherOrderMovesEachLabelToTheModelsColumnOfItsClass() {
        ClassOrder order = ClassOrder.of(List.of("a", "b", "c"), List.of("c", "a", "b"), "--data", "d");
        assertTrue(order.reorders());
        DataSet relabelled = order.relabel(BATCH);
        // example 0 is of class a: the model's column 1; example 1 (b): column 2; example 2 (c): column 0
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, relabelled.getLabels().dup('c').data()
                .asFloat());
        assertSame(BATCH.getFeatures(), relabelled.getFeatures());
    }

    @Test
    void otherClassesAreRefusedNamingTheOption() {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> ClassOrder.of(List.of("a", "b"), List.of("a", "x"), "--data", "folder"));
        assertTrue(refused.getMessage().contains("--data"), refused.getMessage());
        assertTrue(refused.getMessage().contains("folder has classes [a, b], the model [a, x]"),
                refused.getMessage());
    }
}
