package org.dlspark.data;

import java.nio.charset.StandardCharsets;

/** A seeded 64-bit hash of a record id: orders and splits records the same way on any machine and partitioning. */
public final class SeededHash {

    private SeededHash() {
    }

    /** FNV-1a over the id's UTF-8 bytes, started from the seed, mixed by SplitMix64's finaliser. */
    public static long of(long seed, String id) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
