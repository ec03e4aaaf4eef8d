package org.dlspark.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dlspark.data.DataFormatException;
import org.dlspark.fetch.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ShardStreamTest {

    @TempDir
    Path dir;

    /** A shard of {@code examples} examples in minibatches of 4, example i's single feature being {@code base + i}. */
    private ShardSlice shard(String name, int base, int examples) throws IOException {
        List<DataSet> batches = new ArrayList<>();
        for (int first = 0; first < examples; first += 4) {
            int size = Math.min(4, examples - first);
            float[] features = new float[size];
            for (int i = 0; i < size; i++) {
                features[i] = base + first + i;
            }
            batches.add(new DataSet(Nd4j.createFromArray(features).reshape(size, 1), Nd4j.ones(size, 2)));
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            ShardFile.write(out, batches);
        }
        return new ShardSlice(file.toString(), Sha256.of(file), 0, batches.size(), examples);
    }

    private static List<Integer> features(ShardStream stream, List<Integer> sizes) {
        List<Integer> seen = new ArrayList<>();
        while (stream.hasNext()) {
            DataSet batch = stream.next();
            sizes.add(batch.numExamples());
            for (float value : batch.getFeatures().toFloatVector()) {
                seen.add((int) value);
            }
        }
        return seen;
    }

    @Test
    void streamsEveryExampleOnceInMinibatchesOfTheRunsSize() throws IOException {
        List<ShardSlice> slices = List.of(shard("a", 0, 10), shard("b", 100, 7));
        List<Integer> sizes = new ArrayList<>();
        List<Integer> seen = features(new ShardStream(slices, 1, 6, false, ShardCache.NONE), sizes);
        assertEquals(List.of(6, 6, 5), sizes);
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(i);
        }
        for (int i = 0; i < 7; i++) {
            expected.add(100 + i);
        }
        assertEquals(expected, sorted);
        assertEquals(seen, features(new ShardStream(slices, 1, 6, false, ShardCache.NONE),
                new ArrayList<>()), "same seed, same order");
    }

    @Test
    void aSliceTakesItsMinibatchesAndCutsTheLast() throws IOException {
        ShardSlice whole = shard("a", 0, 10);
        ShardSlice part = new ShardSlice(whole.uri(), whole.sha256(), 1, 2, 5);
        List<Integer> seen = features(new ShardStream(List.of(part), 3, 4, false, ShardCache.NONE), new ArrayList<>());
        seen.sort(null);
        assertEquals(List.of(4, 5, 6, 7, 8), seen);
    }

    @Test
    void aCorruptShardIsNamedOrSkipped() throws IOException {
        ShardSlice good = shard("good", 0, 8);
        ShardSlice bad = shard("bad", 100, 8);
        byte[] bytes = Files.readAllBytes(Path.of(bad.uri()));
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(Path.of(bad.uri()), bytes);
        DataFormatException failure = assertThrows(DataFormatException.class,
                () -> features(new ShardStream(List.of(good, bad), 1, 4, false,
                ShardCache.NONE), new ArrayList<>()));
        assertTrue(failure.getMessage().startsWith(bad.uri() + ": SHA-256 "), failure.getMessage());
        ShardStream skipping = new ShardStream(List.of(bad, good), 1, 4, true, ShardCache.NONE);
        assertEquals(8, features(skipping, new ArrayList<>()).size());
        assertEquals(1, skipping.skipped().size());
    }

    @Test
    void aMemoryCacheServesLaterEpochsWithoutTheShard() throws IOException {
        ShardSlice slice = shard("kept-in-memory", 0, 10);
        List<Integer> first = features(new ShardStream(List.of(slice), 1, 4, false, ShardCache.MEMORY),
                new ArrayList<>());
        Files.delete(Path.of(slice.uri()));
        List<Integer> later = features(new ShardStream(List.of(slice), 2, 4, false, ShardCache.MEMORY),
                new ArrayList<>());
        first.sort(null);
        later.sort(null);
        assertEquals(first, later);
    }

    @Test
    void aDiskCacheReadsALocalCopyOnceMade() throws IOException {
        ShardSlice slice = shard("kept-on-disk-" + System.nanoTime(), 0, 10);
        assertEquals(10, features(new ShardStream(List.of(slice), 1, 4, false, ShardCache.DISK),
                new ArrayList<>()).size());
        Files.delete(Path.of(slice.uri()));
        assertEquals(10, features(new ShardStream(List.of(slice), 1, 4, false, ShardCache.DISK),
                new ArrayList<>()).size());
        assertThrows(DataFormatException.class, () -> features(new ShardStream(List.of(slice), 1, 4, false,
                ShardCache.NONE), new ArrayList<>()), "the shard itself is gone");
    }

    @Test
    void aReleasingStreamFreesEachMinibatchOnceTheNextIsAskedFor() throws IOException {
        List<ShardSlice> slices = List.of(shard("r1", 0, 12), shard("r2", 100, 12), shard("r3", 200, 12));
        ShardStream stream = new ShardStream(slices, 5, 4, false, ShardCache.NONE, true);
        List<Float> firsts = new ArrayList<>();
        DataSet previous = null;
        while (stream.hasNext()) {
            DataSet batch = stream.next();
            if (previous != null) {
                assertTrue(previous.getFeatures().wasClosed(), "the minibatch before is freed");
            }
            firsts.add(batch.getFeatures().getFloat(0));
            previous = batch;
        }
        assertEquals(9, firsts.size(), "every minibatch of three shards read through two reused buffers");
        firsts.sort(null);
        assertEquals(List.of(0f, 4f, 8f, 100f, 104f, 108f, 200f, 204f, 208f), firsts);
    }
}
