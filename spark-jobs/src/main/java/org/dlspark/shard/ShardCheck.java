package org.dlspark.shard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.dlspark.data.DataFormatException;
import scala.Tuple2;

/**
 * Checks shard files on the executors before a run uses them: each is read where a task runs and compared with
 * the SHA-256 its manifest records, so a corrupt shard is named before any training starts, and the driver reads
 * none of them.
 */
public final class ShardCheck {

    private ShardCheck() {
    }

    /**
     * The problems of {@code shards} (whole-shard slices): each faulty file with what is wrong with it, in the order
     * given; empty when all are sound.
     */
    public static Map<String, String> problems(JavaSparkContext spark, List<ShardSlice> shards) {
        if (shards.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = spark.parallelize(shards, shards.size())
                .mapToPair(shard -> new Tuple2<>(shard.uri(), Objects.toString(problem(shard), "")))
                .filter(problem -> !problem._2().isEmpty()).collectAsMap();
        Map<String, String> ordered = new LinkedHashMap<>();
        shards.stream().map(ShardSlice::uri).filter(found::containsKey).forEach(uri -> ordered.put(uri, found.get(uri)));
        return ordered;
    }

    private static String problem(ShardSlice shard) {
        try {
            ShardReader.open(shard);
            return null;
        } catch (DataFormatException e) {
            return e.getMessage();
        }
    }
}
