package org.dlspark.shard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.dlspark.data.DataFiles;

/**
 * Where the blocks of shard files are stored, for shards on HDFS: the hosts that hold most of a worker's slices, which
 * Spark then prefers for the worker's task, so that it reads from its own disks. Asked once per shard (the name
 * node's metadata, never the data); shards on other file systems have no preferred host.
 */
public final class ShardHosts {

    private final Map<String, Map<String, Long>> bytesByHost = new HashMap<>();

    /** The hosts storing most of {@code slices}' bytes, most first; empty when none is known. */
    public List<String> preferred(List<ShardSlice> slices) {
        Map<String, Long> total = new HashMap<>();
        for (ShardSlice slice : slices) {
            hosts(slice.uri()).forEach((host, bytes) -> total.merge(host, bytes, Long::sum));
        }
        List<String> hosts = new ArrayList<>(total.keySet());
        hosts.sort(Comparator.comparing((String host) -> -total.get(host)).thenComparing(host -> host));
        return List.copyOf(hosts.subList(0, Math.min(3, hosts.size())));
    }

    private Map<String, Long> hosts(String uri) {
        return bytesByHost.computeIfAbsent(uri, ShardHosts::locate);
    }

    private static Map<String, Long> locate(String uri) {
        Map<String, Long> bytes = new HashMap<>();
        try {
            Path path = new Path(uri);
            FileSystem fs = DataFiles.fileSystem(path);
            if (!"hdfs".equals(fs.getScheme())) {
                return bytes;
            }
            FileStatus status = fs.getFileStatus(path);
            for (BlockLocation block : fs.getFileBlockLocations(status, 0, status.getLen())) {
                for (String host : block.getHosts()) {
                    bytes.merge(host, block.getLength(), Long::sum);
                }
            }
        } catch (IOException e) {
            // No preference: the task runs wherever Spark puts it and reads over the network.
        }
        return bytes;
    }
}
