package org.dlspark.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    /** 1,000 examples in 7 shards of minibatches of 32, as preprocess writes them. */
    private static Manifest manifest(long examples, int shards) {
        List<String> names = new ArrayList<>();
        Map<String, String> sha = new HashMap<>();
        for (int i = 0; i < shards; i++) {
            names.add("train/" + ShardWriter.shardName(i));
            sha.put(names.get(i), "sha" + i);
        }
        return new Manifest("idx", "in", "x", 4, List.of("a", "b"), new long[] {1, 28, 28}, false,
                Map.of("train", new Manifest.Split(examples, Map.of(), names, sha)), null, null,
                new Manifest.Configuration(shards, 0, 0.2, 1, "scale", 1, 1, 1, 32, 0), "test");
    }

    @Test
    void eachShardHoldsWhatTheWriterPutThere() {
        ShardPlan plan = ShardPlan.of("/data", manifest(1000, 7), "train", Long.MAX_VALUE, null);
        assertEquals(7, plan.slices().size());
        assertEquals(1000, plan.examples());
        assertEquals(143, plan.slices().get(0).examples());
        assertEquals(142, plan.slices().get(6).examples());
        assertEquals(5, plan.slices().get(0).batches());
        assertEquals("/data/train/part-00003.bin", plan.slices().get(3).uri());
        assertEquals("sha3", plan.slices().get(3).sha256());
    }

    @Test
    void aLimitCutsTheLastShardItReaches() {
        ShardPlan plan = ShardPlan.of("/data", manifest(1000, 7), "train", 300, 5L);
        assertEquals(300, plan.examples());
        assertEquals(3, plan.slices().size());
        ShardSlice last = plan.slices().get(2);
        assertEquals(14, last.examples());
        assertEquals(1, last.batches());
    }

    @Test
    void everyMinibatchIsDealtOnceAndTheWorkersGetAsManyEach() {
        ShardPlan plan = ShardPlan.of("/data", manifest(1000, 7), "train", Long.MAX_VALUE, null);
        for (int workers : new int[] {1, 2, 3, 8, 40}) {
            List<List<ShardSlice>> dealt = plan.assign(workers, 42, 3);
            assertEquals(workers, dealt.size());
            Map<String, boolean[]> seen = new HashMap<>();
            long examples = 0;
            for (List<ShardSlice> slices : dealt) {
                int batches = slices.stream().mapToInt(ShardSlice::batches).sum();
                int expected = plan.storedBatches() / workers;
                assertTrue(batches == expected || batches == expected + 1, workers + " workers: " + batches);
                for (ShardSlice slice : slices) {
                    boolean[] used = seen.computeIfAbsent(slice.uri(), uri -> new boolean[5]);
                    for (int i = slice.first(); i < slice.first() + slice.batches(); i++) {
                        assertTrue(!used[i], slice.uri() + " minibatch " + i + " twice");
                        used[i] = true;
                    }
                    examples += slice.examples();
                }
            }
            assertEquals(1000, examples, workers + " workers");
        }
    }

    @Test
    void theDealDependsOnTheEpochAndRepeatsForTheSameOne() {
        ShardPlan plan = ShardPlan.of("/data", manifest(1000, 7), "train", Long.MAX_VALUE, null);
        assertEquals(plan.assign(2, 42, 1), plan.assign(2, 42, 1));
        assertNotEquals(plan.assign(2, 42, 1), plan.assign(2, 42, 2));
    }

    @Test
    void holdingOutKeepsEveryExampleOnOneSide() {
        ShardPlan plan = ShardPlan.of("/data", manifest(1000, 7), "train", Long.MAX_VALUE, 3L);
        List<ShardPlan> parts = plan.holdOut(0.1);
        assertEquals(plan.storedBatches(), parts.get(0).storedBatches() + parts.get(1).storedBatches());
        assertEquals(1000, parts.get(0).examples() + parts.get(1).examples());
        assertEquals(4, parts.get(1).storedBatches(), "a tenth of 35 minibatches, rounded");
    }
}
