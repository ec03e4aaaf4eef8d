package org.dlspark.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The peak memory of this JVM's process. */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** The process's peak resident set size ({@code VmHWM} on Linux), or null where the system does not say. */
    public static Long peakResidentBytes() {
        try {
            Optional<String> line = Files.readAllLines(STATUS).stream().filter(l -> l.startsWith("VmHWM:"))
                    .findFirst();
            return line.map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(null);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * The peak heap in use: the sum of each heap pool's peak, an upper bound as pools need not peak at once. The
     * garbage collector's pools are sized by its own heuristics, so this follows {@code -Xmx} as much as the job.
     */
    public static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage == null ? 0 : usage.getUsed()).sum();
    }
}
