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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A worker's minibatches streamed from its shard slices: the slices and the minibatches of each in a seeded order,
 * cut or joined to the run's minibatch size. The next slice's shard is read and checked on a background thread
 * while the current one is used, so that at most two shards are held at once whatever the data set's size (unless
 * the {@link ShardCache} keeps them), in two buffers it reuses. A corrupt shard fails the stream, naming it, or, when
 * corrupt shards are skipped, is left out and listed ({@link #skipped()}). A stream that releases what was consumed
 * frees each minibatch's native memory when the next is asked for, instead of leaving it to the garbage collector,
 * which the small Java objects of ND4J's arrays seldom wake: its consumer must not keep a minibatch past the next.
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
    private final boolean release;
    private CompletableFuture<Read> ahead;
    private int nextSlice;
    private List<DataSet> current;
    private byte[] currentBuffer;
    private byte[] spare;
    private DataSet returned;
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
        this(slices, orderSeed, batchSize, skipCorrupt, cache, false);
    }

    /**
     * As {@link #ShardStream(List, long, int, boolean, ShardCache)}; with {@code releaseConsumed}, each minibatch's
     * native memory is freed when the next is asked for (unless the cache keeps the minibatches).
     */
    public ShardStream(List<ShardSlice> slices, long orderSeed, int batchSize, boolean skipCorrupt,
            ShardCache cache, boolean releaseConsumed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a minibatch of " + batchSize + " examples");
        }
        this.order = new Random(orderSeed);
        List<ShardSlice> shuffled = new ArrayList<>(slices);
        Collections.shuffle(shuffled, order);
        this.slices = List.copyOf(shuffled);
        this.cache = cache;
        this.release = releaseConsumed && cache != ShardCache.MEMORY;
        this.batchSize = batchSize;
        this.skipCorrupt = skipCorrupt;
        readAhead();
    }

    private void readAhead() {
        if (nextSlice < slices.size()) {
            ShardSlice slice = slices.get(nextSlice++);
            List<DataSet> kept = cache.decoded(slice);
            byte[] buffer = spare;
            spare = null;
            ahead = kept != null ? CompletableFuture.completedFuture(new Read(kept, buffer))
                    : CompletableFuture.supplyAsync(() -> read(slice, buffer), READ_AHEAD);
        } else {
            ahead = null;
        }
    }

    /** A slice's minibatches, and the buffer that holds its shard until they are decoded. */
    private record Read(List<DataSet> batches, byte[] buffer) {
    }

    /**
     * The slice's minibatches, decoded one by one as they are asked for unless the cache keeps them all, its shard read
     * into {@code buffer} when it fits.
     */
    private Read read(ShardSlice slice, byte[] buffer) {
        ShardReader reader = ShardReader.open(cache.source(slice), buffer);
        if (cache == ShardCache.MEMORY) {
            List<DataSet> all = reader.all();
            cache.keep(slice, all);
            return new Read(all, reader.buffer());
        }
        return new Read(new java.util.AbstractList<>() {
            @Override
            public DataSet get(int index) {
                return reader.batch(index);
            }

            @Override
            public int size() {
                return reader.batches();
            }
        }, reader.buffer());
    }

    /** The next minibatch as stored, or null when the slices are used up. */
    private DataSet nextStored() {
        while (current == null || position == currentOrder.size()) {
            if (ahead == null) {
                return null;
            }
            spare = currentBuffer;
            Read read = take(ahead);
            current = read == null ? null : read.batches();
            currentBuffer = read == null ? null : read.buffer();
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
    private Read take(CompletableFuture<Read> future) {
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
        if (release && pending.size() > 1) {
            pending.forEach(ShardStream::free);
        }
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
        if (release && returned != null) {
            free(returned);
        }
        DataSet batch = next;
        next = null;
        returned = batch;
        return batch;
    }

    /** Frees the native memory of {@code batch}'s arrays that own it (views do not). */
    private static void free(DataSet batch) {
        for (INDArray array : new INDArray[] {batch.getFeatures(), batch.getLabels(), batch.getFeaturesMaskArray(),
            batch.getLabelsMaskArray()}) {
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }

    /** The corrupt shards left out so far, each with what was wrong. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }
}
