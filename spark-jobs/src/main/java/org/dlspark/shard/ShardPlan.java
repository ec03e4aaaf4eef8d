package org.dlspark.shard;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.dlspark.data.DataFormatException;

/**
 * Which minibatches of a preprocessed split a run uses, as {@link ShardSlice}s, worked out from the manifest alone:
 * no example is read where the plan is made (the driver). Shard {@code j} of a split's {@code N} holds the examples
 * {@link ShardWriter#examplesIn} says, in minibatches of the size the data set was written with, only the last of a
 * shard short. Each epoch the plan deals its minibatches out to the workers ({@link #assign}): the slices in an
 * order seeded by the epoch, cut into as many runs of consecutive minibatches as there are workers, so every worker
 * gets the same number of minibatches (one more for some) and a resumed run deals exactly as the first did.
 */
public final class ShardPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<ShardSlice> slices;
    private final int storedBatchSize;

    private ShardPlan(List<ShardSlice> slices, int storedBatchSize) {
        this.slices = List.copyOf(slices);
        this.storedBatchSize = storedBatchSize;
    }

    /**
     * The plan of split {@code split} of the data set in {@code folder}, limited to {@code limit} examples: the
     * shards in a seeded order when {@code seed} is given (a random subset of the examples), else in the
     * manifest's, the last cut short where the limit falls.
     *
     * @throws DataFormatException naming the manifest when the split is missing or empty
     */
    public static ShardPlan of(String folder, Manifest manifest, String split, long limit, Long seed) {
        return of(folder, manifest, split, limit, seed, java.util.Set.of());
    }

    /** As {@link #of(String, Manifest, String, long, Long)}, leaving out the shard files {@code excluded}. */
    public static ShardPlan of(String folder, Manifest manifest, String split, long limit, Long seed,
            java.util.Set<String> excluded) {
        Manifest.Split described = manifest.splits().get(split);
        if (described == null || described.examples() == 0) {
            throw new DataFormatException(folder + "/" + Manifest.FILE + ": the '" + split + "' split is empty");
        }
        int stored = manifest.configuration().batchSize();
        List<ShardSlice> whole = new ArrayList<>();
        List<String> shards = described.shards();
        for (int index = 0; index < shards.size(); index++) {
            long examples = ShardWriter.examplesIn(index, shards.size(), described.examples());
            String name = shards.get(index);
            if (examples > 0 && !excluded.contains(folder + "/" + name)) {
                whole.add(new ShardSlice(folder + "/" + name, described.sha256() == null ? null
                        : described.sha256().get(name), 0, Math.toIntExact((examples + stored - 1) / stored),
                        examples));
            }
        }
        if (seed != null) {
            Collections.shuffle(whole, new Random(seed));
        }
        List<ShardSlice> kept = new ArrayList<>();
        long left = limit;
        for (ShardSlice slice : whole) {
            if (left <= 0) {
                break;
            }
            kept.add(slice.examples() <= left ? slice : new ShardSlice(slice.uri(), slice.sha256(), 0,
                    Math.toIntExact((left + stored - 1) / stored), left));
            left -= Math.min(left, slice.examples());
        }
        return new ShardPlan(kept, stored);
    }

    /** The plan's slices. */
    public List<ShardSlice> slices() {
        return slices;
    }

    /** The examples in the plan. */
    public long examples() {
        return slices.stream().mapToLong(ShardSlice::examples).sum();
    }

    /** The minibatches as stored. */
    public int storedBatches() {
        return slices.stream().mapToInt(ShardSlice::batches).sum();
    }

    /**
     * The plan split in two at about {@code fraction} of its minibatches from its end: the first part, then the
     * held-out rest.
     */
    public List<ShardPlan> holdOut(double fraction) {
        int held = Math.max(1, (int) Math.round(storedBatches() * fraction));
        List<List<ShardSlice>> parts = cut(slices, List.of(storedBatches() - held, held));
        return List.of(new ShardPlan(parts.get(0), storedBatchSize), new ShardPlan(parts.get(1), storedBatchSize));
    }

    /**
     * Epoch {@code epoch}'s slices of each of {@code workers} workers: the slices in an order seeded by
     * {@code seed} and the epoch, their minibatches cut into {@code workers} consecutive runs of equal length (the
     * first ones one longer when they do not divide).
     */
    public List<List<ShardSlice>> assign(int workers, long seed, int epoch) {
        List<ShardSlice> order = new ArrayList<>(slices);
        Collections.shuffle(order, new Random(seed * 31 + epoch));
        int total = storedBatches();
        List<Integer> lengths = new ArrayList<>();
        for (int worker = 0; worker < workers; worker++) {
            lengths.add(total / workers + (worker < total % workers ? 1 : 0));
        }
        return cut(order, lengths);
    }

    /** {@code order}'s minibatches cut into runs of {@code lengths} minibatches, as slices. */
    private List<List<ShardSlice>> cut(List<ShardSlice> order, List<Integer> lengths) {
        List<List<ShardSlice>> runs = new ArrayList<>();
        int slice = 0;
        int used = 0;
        for (int length : lengths) {
            List<ShardSlice> run = new ArrayList<>();
            int wanted = length;
            while (wanted > 0) {
                ShardSlice from = order.get(slice);
                int take = Math.min(wanted, from.batches() - used);
                run.add(part(from, used, take));
                used += take;
                wanted -= take;
                if (used == from.batches()) {
                    slice++;
                    used = 0;
                }
            }
            runs.add(run);
        }
        return runs;
    }

    /** {@code count} minibatches of {@code slice} from its {@code offset}-th. */
    private ShardSlice part(ShardSlice slice, int offset, int count) {
        if (offset == 0 && count == slice.batches()) {
            return slice;
        }
        boolean includesLast = offset + count == slice.batches();
        long examples = includesLast ? slice.examples() - (long) offset * storedBatchSize
                : (long) count * storedBatchSize;
        return new ShardSlice(slice.uri(), slice.sha256(), slice.first() + offset, count, examples);
    }

    /** The examples in {@code slices}. */
    public static long examples(List<ShardSlice> slices) {
        return slices.stream().mapToLong(ShardSlice::examples).sum();
    }
}
