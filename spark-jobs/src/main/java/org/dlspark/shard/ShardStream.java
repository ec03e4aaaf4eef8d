package org.dlspark.shard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.dlspark.data.DataFormatException;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A worker's minibatches streamed from its shard slices: the slices and the minibatches of each in a seeded order,
 * cut or joined to the run's minibatch size. The next slice's shard is read and checked on a background thread
 * while the current one is used, so that at most two shards are held at once whatever the data set's size (unless
 * the {@link ShardCache} keeps them). A corrupt shard fails the stream, naming it, or, when corrupt shards are
 * skipped, is left out and listed ({@link #skipped()}).
 */
public final class ShardStream implements Iterator<DataSet> {

    private final List<ShardSlice> slices;
    private final Random order;
    private final ShardCache cache;
    private final int batchSize;
    private final boolean skipCorrupt;
    /** Reads each shard on a thread of its own, which ends with the read: a stream left unfinished leaves none. */
    private static final Executor READ_AHEAD = task -> {
        Thread thread = new Thread(task, "dlspark-shard-read-ahead");
        thread.setDaemon(true);
        thread.start();
    };
    private final List<String> skipped = new ArrayList<>();
    private final List<DataSet> pending = new ArrayList<>();
    private CompletableFuture<List<DataSet>> ahead;
    private int nextSlice;
    private List<DataSet> current;
    private List<Integer> currentOrder = List.of();
    private int position;
    private DataSet next;

    /**
     * @param slices the worker's slices
     * @param orderSeed seeds the order of the slices and of the minibatches within each
     * @param batchSize the examples per minibatch the stream gives (the last may have fewer)
     * @param skipCorrupt leave out corrupt shards instead of failing
     * @param cache what the worker keeps of its slices for later epochs
     */
    public ShardStream(List<ShardSlice> slices, long orderSeed, int batchSize, boolean skipCorrupt,
            ShardCache cache) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a minibatch of " + batchSize + " examples");
        }
        this.order = new Random(orderSeed);
        List<ShardSlice> shuffled = new ArrayList<>(slices);
        Collections.shuffle(shuffled, order);
        this.slices = List.copyOf(shuffled);
        this.cache = cache;
        this.batchSize = batchSize;
        this.skipCorrupt = skipCorrupt;
        readAhead();
    }

    private void readAhead() {
        if (nextSlice < slices.size()) {
            ShardSlice slice = slices.get(nextSlice++);
            List<DataSet> kept = cache.decoded(slice);
            ahead = kept != null ? CompletableFuture.completedFuture(kept)
                    : CompletableFuture.supplyAsync(() -> read(slice), READ_AHEAD);
        } else {
            ahead = null;
        }
    }

    /** The slice's minibatches, decoded one by one as they are asked for unless the cache keeps them all. */
    private List<DataSet> read(ShardSlice slice) {
        ShardReader reader = ShardReader.open(cache.source(slice));
        if (cache == ShardCache.MEMORY) {
            List<DataSet> all = reader.all();
            cache.keep(slice, all);
            return all;
        }
        return new java.util.AbstractList<>() {
            @Override
            public DataSet get(int index) {
                return reader.batch(index);
            }

            @Override
            public int size() {
                return reader.batches();
            }
        };
    }

    /** The next minibatch as stored, or null when the slices are used up. */
    private DataSet nextStored() {
        while (current == null || position == currentOrder.size()) {
            if (ahead == null) {
                return null;
            }
            current = take(ahead);
            readAhead();
            position = 0;
            if (current != null) {
                List<Integer> indices = new ArrayList<>();
                for (int i = 0; i < current.size(); i++) {
                    indices.add(i);
                }
                Collections.shuffle(indices, order);
                currentOrder = indices;
            } else {
                currentOrder = List.of();
            }
        }
        return current.get(currentOrder.get(position++));
    }

    /** The minibatches of a slice read ahead, or null when its shard was corrupt and is skipped. */
    private List<DataSet> take(CompletableFuture<List<DataSet>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DataFormatException corrupt) {
                if (!skipCorrupt) {
                    throw corrupt;
                }
                skipped.add(corrupt.getMessage());
                return null;
            }
            throw e;
        }
    }

    /** The next minibatch of {@code batchSize} examples (fewer only at the end), or null at the end. */
    private DataSet nextBatch() {
        long held = pending.stream().mapToLong(DataSet::numExamples).sum();
        while (held < batchSize) {
            DataSet stored = nextStored();
            if (stored == null) {
                break;
            }
            pending.add(stored);
            held += stored.numExamples();
        }
        if (pending.isEmpty()) {
            return null;
        }
        DataSet joined = pending.size() == 1 ? pending.get(0) : DataSet.merge(pending);
        pending.clear();
        if (joined.numExamples() <= batchSize) {
            return joined;
        }
        pending.add((DataSet) joined.getRange(batchSize, joined.numExamples()));
        return (DataSet) joined.getRange(0, batchSize);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = nextBatch();
        }
        return next != null;
    }

    @Override
    public DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DataSet batch = next;
        next = null;
        return batch;
    }

    /** The corrupt shards left out so far, each with what was wrong. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }
}
