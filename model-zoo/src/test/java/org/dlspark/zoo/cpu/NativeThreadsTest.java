package org.dlspark.zoo.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeThreadsTest {

    @Test
    void theCurrentThreadGetsTheConfiguredCount() throws InterruptedException {
        int configured = Nd4j.getEnvironment().maxThreads();
        int[] seen = new int[1];
        Thread thread = new Thread(() -> {
            NativeThreads.useConfiguredCount();
            seen[0] = NativeThreads.currentCount();
        });
        thread.start();
        thread.join();
        assertEquals(configured, seen[0]);
        NativeThreads.useConfiguredCount();
        assertEquals(configured, NativeThreads.currentCount());
    }
}
