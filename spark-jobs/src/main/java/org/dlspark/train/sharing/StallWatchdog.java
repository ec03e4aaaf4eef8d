package org.dlspark.train.sharing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import org.dlspark.train.StallTimeout;
import org.slf4j.LoggerFactory;

/**
 * Watches one run of an epoch's mesh stage: four times a second it asks the {@link StageMonitor} how long no worker
 * has finished an iteration, and once that passes the {@link StallTimeout}'s limit it calls its action, once, on
 * its own thread, with the limit in seconds.
 */
final class StallWatchdog implements AutoCloseable {

    private static final long CHECK_MILLIS = 250;

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dlspark stall watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean fired = new AtomicBoolean();

    StallWatchdog(StageMonitor monitor, StallTimeout timeout, IterationTimes times, DoubleConsumer onStall) {
        clock.scheduleWithFixedDelay(() -> {
            double limit = timeout.limitSeconds(times.medianSeconds());
            if (monitor.quietSeconds() > limit && fired.compareAndSet(false, true)) {
                try {
                    onStall.accept(limit);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(StallWatchdog.class).error("the stall watchdog's action failed", e);
                }
            }
        }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
