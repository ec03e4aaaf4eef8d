package org.dlspark.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps two runs of one pipeline apart: an operating-system lock on {@code pipeline.lock} in its work folder,
 * released when the holder ends in any way (a killed run leaves no stale lock). The file says who holds it.
 */
final class PipelineLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private PipelineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the pipeline working in {@code work}.
     *
     * @throws PipelineLockedException naming the holder when another run has it
     */
    static PipelineLock take(Path work, String pipeline) throws IOException {
        Path file = Files.createDirectories(work).resolve("pipeline.lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new PipelineLockedException("locked: pipeline '" + pipeline + "' is running already (" + file + ": "
                    + holder + "); try again when it has finished");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now())
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new PipelineLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
