package org.dlspark.run;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.StorageStatistics;

/**
 * The bytes this JVM read through Hadoop's file systems so far, per scheme ({@code file}, {@code hdfs}...), from
 * Hadoop's own statistics. On a cluster, where the executors are other JVMs, a driver that read a data set would
 * show it here: {@code metrics.json} keeps the figure so that a run proves it did not.
 */
public final class DriverReads {

    private static final String BYTES_READ = "bytesRead";

    private DriverReads() {
    }

    /** Bytes read per scheme, schemes that read nothing left out. */
    public static Map<String, Long> bytesByScheme() {
        Map<String, Long> bytes = new TreeMap<>();
        Iterator<StorageStatistics> all = FileSystem.getGlobalStorageStatistics().iterator();
        while (all.hasNext()) {
            StorageStatistics statistics = all.next();
            Long read = statistics.getLong(BYTES_READ);
            if (read != null && read > 0) {
                bytes.merge(statistics.getScheme(), read, Long::sum);
            }
        }
        return bytes;
    }
}
