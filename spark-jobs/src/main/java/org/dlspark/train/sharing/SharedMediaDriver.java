package org.dlspark.train.sharing;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.dlspark.io.FileTrees;

/**
 * The one Aeron media driver of this JVM (an executor, or the driver JVM in local mode), launched by the first
 * gradient-sharing worker that needs it and kept until the JVM exits. Every epoch's {@link AeronMesh} connects to
 * it: no epoch pays for launching a driver, and a mesh that is closed leaves its last messages to the driver,
 * which lingers on them (Aeron's publication linger) and resends them to a peer that missed some, so a worker may
 * leave as soon as it has collected its last round.
 */
final class SharedMediaDriver {

    /**
     * The driver's thread never spins or yields when it has nothing to do: it parks, from 250 us up to 1 ms. On an
     * executor of one core, spinning takes the core from training; every worker waits for each round's messages
     * before its next iteration, so a longer park adds to every iteration (10 ms cost a 2-worker cluster about
     * 9 ms an iteration).
     */
    private static final long IDLE_MIN_PARK_NANOS = 250_000;
    private static final long IDLE_MAX_PARK_NANOS = 1_000_000;

    private static MediaDriver driver;

    private SharedMediaDriver() {
    }

    /** The Aeron folder of the running driver, launched now if none runs yet. */
    static synchronized String directory() {
        if (driver == null) {
            driver = launch();
        }
        return driver.aeronDirectoryName();
    }

    private static MediaDriver launch() {
        Path folder;
        try {
            // Under the temporary folder, not /dev/shm: containers often give /dev/shm only 64 MB.
            folder = Files.createTempDirectory("dlspark-aeron-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Aeron folder", e);
        }
        MediaDriver launched = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(folder.resolve("driver").toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy(0, 0, IDLE_MIN_PARK_NANOS, IDLE_MAX_PARK_NANOS))
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            launched.close();
            try {
                FileTrees.delete(folder);
            } catch (IOException e) {
                // A left-over folder in the temporary directory harms nothing.
            }
        }, "close the Aeron media driver"));
        return launched;
    }
}
