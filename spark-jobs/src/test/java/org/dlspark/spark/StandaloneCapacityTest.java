package org.dlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneCapacityTest {

    /** Workers a, b and c: a has 2 cores and 1,500 MB free, b 4 and 8,192, c no core and 4,096. */
    private static final List<StandaloneCapacity.Worker> WORKERS = List.of(new StandaloneCapacity.Worker(2, 1500),
            new StandaloneCapacity.Worker(4, 8192), new StandaloneCapacity.Worker(0, 4096));

    @Test
    void anExecutorTakesAllTheFreeCoresOfAWorkerWithRoomForIt() {
        assertEquals(4, capacity(0, 2048, 0).slots());
        assertEquals(6, capacity(0, 1024, 0).slots());
        assertEquals(1 + 4, capacity(1, 2048, 0).slots());
    }

    @Test
    void executorsOfFixedCoresFitByCoresAndByMemory() {
        // Worker b: 2 executors of 2 cores by cores, 4 by memory; worker a: none by memory.
        assertEquals(4, capacity(0, 2048, 2).slots());
        // Worker a: 1 executor of 1 core (1,500 MB); worker b: 4 by cores, 8 by memory.
        assertEquals(5, capacity(0, 1024, 1).slots());
    }

    @Test
    void namesTheLargestFreeMemory() {
        assertEquals(8192, capacity(0, 2048, 0).largestFreeMemoryMb());
    }

    private static StandaloneCapacity capacity(int granted, int executorMemoryMb, int executorCores) {
        return new StandaloneCapacity("spark://m:7077", granted, WORKERS, executorMemoryMb, executorCores);
    }
}
