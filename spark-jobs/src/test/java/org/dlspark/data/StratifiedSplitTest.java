package org.dlspark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private record Item(String id, String label) {
    }

    private static List<Item> items(int perClassA, int perClassB) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < perClassA; i++) {
            items.add(new Item("a" + i, "A"));
        }
        for (int i = 0; i < perClassB; i++) {
            items.add(new Item("b" + i, "B"));
        }
        return items;
    }

    private static Map<StratifiedSplit.Part, List<Item>> split(List<Item> items, long seed) {
        return new StratifiedSplit(0.1, 0.2, seed).apply(items, Item::id, Item::label);
    }

    @Test
    void eachClassIsSplitInTheGivenProportions() {
        Map<StratifiedSplit.Part, List<Item>> parts = split(items(100, 50), 1);
        assertEquals(20 + 10, parts.get(StratifiedSplit.Part.TEST).size());
        assertEquals(10 + 5, parts.get(StratifiedSplit.Part.VALIDATION).size());
        assertEquals(70 + 35, parts.get(StratifiedSplit.Part.TRAIN).size());
        assertEquals(10, parts.get(StratifiedSplit.Part.TEST).stream().filter(i -> i.label().equals("B")).count());
    }

    @Test
    void theSplitDependsOnTheSeedButNotOnInputOrder() {
        List<Item> items = items(100, 50);
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(split(items, 7), split(shuffled, 7));
        assertNotEquals(split(items, 7).get(StratifiedSplit.Part.TEST), split(items, 8).get(StratifiedSplit.Part.TEST));
    }

    @Test
    void fractionsMustLeaveTrainingData() {
        assertThrows(IllegalArgumentException.class, () -> new StratifiedSplit(0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new StratifiedSplit(-0.1, 0.2, 1));
    }
}
