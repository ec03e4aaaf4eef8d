package org.dlspark.shard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a worker keeps of its shard slices for later epochs, in the JVM that reads them (an executor): nothing
 * ({@link #NONE}), the decoded minibatches ({@link #MEMORY}), or a copy of each shard file on the local disk
 * ({@link #DISK}), worth it when the shards are far away (HDFS, object stores). Slices are dealt to the same worker
 * every epoch when something is kept, so that later epochs find what the first one read.
 */
public enum ShardCache {
    /** Read every slice from its shard file every epoch. */
    NONE,
    /** Keep every slice's decoded minibatches in the executor's memory. */
    MEMORY,
    /** Keep a copy of every shard file on the executor's local disk. */
    DISK;

    private static final Map<ShardSlice, List<DataSet>> DECODED = new ConcurrentHashMap<>();
    private static final Path LOCAL = Path.of(System.getProperty("java.io.tmpdir"), "dlspark-shard-cache");

    /** The name on the command line. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The minibatches of {@code slice} kept in memory by an earlier epoch, or null. */
    List<DataSet> decoded(ShardSlice slice) {
        return this == MEMORY ? DECODED.get(slice) : null;
    }

    /** Keeps {@code batches}, the slice's minibatches, when this cache keeps them. */
    void keep(ShardSlice slice, List<DataSet> batches) {
        if (this == MEMORY) {
            DECODED.put(slice, List.copyOf(batches));
        }
    }

    /**
     * Where {@code slice}'s shard is read from: a local copy for {@link #DISK} (made now from the shard, checked
     * against its SHA-256 on reading as any shard is), else the shard itself.
     */
    ShardSlice source(ShardSlice slice) {
        if (this != DISK || slice.sha256() == null) {
            return slice;
        }
        Path copy = LOCAL.resolve(slice.sha256() + ".bin");
        if (!Files.exists(copy)) {
            try {
                Files.createDirectories(LOCAL);
                Path partial = Files.createTempFile(LOCAL, slice.sha256(), ".partial");
                Files.write(partial, org.dlspark.data.DataFiles.readAll(slice.uri()));
                Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + slice.uri() + " to " + copy, e);
            }
        }
        return new ShardSlice(copy.toString(), slice.sha256(), slice.first(), slice.batches(), slice.examples());
    }

    /** The cache named {@code option}, or null when none is. */
    public static ShardCache of(String option) {
        for (ShardCache cache : values()) {
            if (cache.option().equals(option)) {
                return cache;
            }
        }
        return null;
    }
}
