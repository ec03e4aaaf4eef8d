package org.dlspark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneCapacityTest {

    /** Workers a, b and c: a has 2 cores and 1,500 MB free, b 4, 8,192 and a GPU, c no core and 4,096. */
    private static final List<StandaloneCapacity.Worker> WORKERS = List.of(new StandaloneCapacity.Worker(2, 1500, 0),
            new StandaloneCapacity.Worker(4, 8192, 1), new StandaloneCapacity.Worker(0, 4096, 0));

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

    @Test
    void executorsAskingGpusFitOnlyWorkersWithFreeGpus() {
        // Only worker b has a GPU free: one executor there, of all its cores or of 2.
        assertEquals(4, new StandaloneCapacity("spark://m:7077", 0, WORKERS, 1024, 0, 1).slots());
        assertEquals(2, new StandaloneCapacity("spark://m:7077", 0, WORKERS, 1024, 2, 1).slots());
        assertEquals(0, new StandaloneCapacity("spark://m:7077", 0, WORKERS, 1024, 2, 2).slots());
        assertEquals(1, new StandaloneCapacity("spark://m:7077", 0, WORKERS, 1024, 2, 2).largestFreeGpus());
    }

    private static StandaloneCapacity capacity(int granted, int executorMemoryMb, int executorCores) {
        return new StandaloneCapacity("spark://m:7077", granted, WORKERS, executorMemoryMb, executorCores, 0);
    }
}
