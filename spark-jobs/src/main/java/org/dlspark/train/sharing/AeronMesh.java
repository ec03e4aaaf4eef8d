package org.dlspark.train.sharing;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.Header;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An all-to-all exchange among the workers of one training stage over Aeron UDP: each worker connects to its JVM's
 * media driver ({@link SharedMediaDriver}), receives on one subscription and publishes to every other worker. In round {@code r} every worker
 * publishes one message ({@link #publish}) and later collects the other workers' messages of round {@code r}
 * ({@link #collect}); a worker may publish round {@code r + 1} before collecting round {@code r}, so that it need not
 * wait for a peer that is a little behind. Messages of rounds not collected yet are kept. Every wait is bounded: a
 * peer that stays silent past the timeout fails the exchange with its address.
 */
public final class AeronMesh implements AutoCloseable {

    private static final int STREAM_ID = 1001;
    private static final int HEADER_BYTES = Long.BYTES + Integer.BYTES;
    private static final int FRAGMENTS_PER_POLL = 64;

    private final int rank;
    private final List<MeshPeer> peers;
    private final Duration timeout;
    private final Aeron aeron;
    private final Subscription subscription;
    private final Map<Integer, Publication> publications = new HashMap<>();
    private final FragmentAssembler assembler = new FragmentAssembler(this::onMessage);
    private final Map<Long, byte[][]> received = new HashMap<>();
    private final IdleStrategy idle = new BackoffIdleStrategy(50, 10, 1_000, 200_000);
    private UnsafeBuffer sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1 << 16));
    private long lastPublished = -1;
    private long lastCollected = -1;
    private long bytesSent;

    private AeronMesh(int rank, List<MeshPeer> peers, Duration timeout) {
        this.rank = rank;
        this.peers = List.copyOf(peers);
        this.timeout = timeout;
        this.aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(SharedMediaDriver.directory()));
        this.subscription = aeron.addSubscription(peers.get(rank).channel(), STREAM_ID);
        for (int other = 0; other < peers.size(); other++) {
            if (other != rank) {
                publications.put(other, aeron.addExclusivePublication(peers.get(other).channel(), STREAM_ID));
            }
        }
    }

    /**
     * Joins the mesh of {@code peers} as worker {@code rank}, once every other worker can be reached.
     *
     * @param peers where each worker receives, by rank; {@code peers.get(rank)} is this worker's own address
     * @throws GradientSharingException when a peer cannot be reached within {@code timeout}
     */
    public static AeronMesh join(int rank, List<MeshPeer> peers, Duration timeout) {
        AeronMesh mesh = new AeronMesh(rank, peers, timeout);
        try {
            mesh.awaitConnections();
            return mesh;
        } catch (RuntimeException e) {
            mesh.close();
            throw e;
        }
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Integer, Publication> publication : publications.entrySet()) {
            while (!publication.getValue().isConnected()) {
                checkDeadline(deadline, "connecting to worker " + publication.getKey());
                subscription.poll(assembler, FRAGMENTS_PER_POLL);
                idle.idle();
            }
        }
    }

    /** Sends {@code payload} to every other worker as round {@code round}. Rounds must increase. */
    public void publish(long round, byte[] payload) {
        if (round <= lastPublished) {
            throw new IllegalArgumentException("round " + round + " after round " + lastPublished);
        }
        lastPublished = round;
        slot(round)[rank] = payload;
        int length = HEADER_BYTES + payload.length;
        if (sendBuffer.capacity() < length) {
            sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(Integer.highestOneBit(length) << 1));
        }
        sendBuffer.putLong(0, round);
        sendBuffer.putInt(Long.BYTES, rank);
        sendBuffer.putBytes(HEADER_BYTES, payload);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Integer, Publication> publication : publications.entrySet()) {
            send(publication.getKey(), publication.getValue(), length, deadline);
        }
    }

    /**
     * Waits for every worker's message of round {@code round}, which this worker published already, and returns
     * them by rank (this worker's own included). Rounds are collected in the order they were published.
     */
    public byte[][] collect(long round) {
        if (round <= lastCollected || round > lastPublished) {
            throw new IllegalArgumentException("collecting round " + round + " after round " + lastCollected
                    + ", with round " + lastPublished + " published last");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[][] messages = slot(round);
        for (int other = 0; other < peers.size(); other++) {
            while (messages[other] == null) {
                checkDeadline(deadline, "waiting for round " + round + " from worker " + other);
                if (subscription.poll(assembler, FRAGMENTS_PER_POLL) == 0) {
                    idle.idle();
                } else {
                    idle.reset();
                }
            }
        }
        lastCollected = round;
        return received.remove(round);
    }

    /** Bytes this worker has published, headers included, summed over its peers. */
    public long bytesSent() {
        return bytesSent;
    }

    private void send(int other, Publication publication, int length, long deadline) {
        if (length > publication.maxMessageLength()) {
            throw new GradientSharingException("a message of " + length + " bytes exceeds Aeron's limit of "
                    + publication.maxMessageLength() + "; lower the sharing density");
        }
        long result;
        while ((result = publication.offer(sendBuffer, 0, length)) < 0) {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new GradientSharingException("the publication to worker " + other + " (" + peers.get(other)
                        + ") is closed");
            }
            checkDeadline(deadline, "sending round " + lastPublished + " to worker " + other);
            // Keep receiving while the peer's window is full, or two workers sending at once could wait forever.
            subscription.poll(assembler, FRAGMENTS_PER_POLL);
            idle.idle();
        }
        idle.reset();
        bytesSent += length;
    }

    private void onMessage(DirectBuffer buffer, int offset, int length, Header header) {
        long round = buffer.getLong(offset);
        int sender = buffer.getInt(offset + Long.BYTES);
        if (sender < 0 || sender >= peers.size() || sender == rank || round <= lastCollected) {
            throw new GradientSharingException("worker " + rank + " received an unexpected message: round " + round
                    + " from worker " + sender + " after collecting round " + lastCollected);
        }
        byte[] payload = new byte[length - HEADER_BYTES];
        buffer.getBytes(offset + HEADER_BYTES, payload);
        byte[][] messages = slot(round);
        if (messages[sender] != null) {
            throw new GradientSharingException("worker " + sender + " sent round " + round + " twice");
        }
        messages[sender] = payload;
    }

    private byte[][] slot(long round) {
        return received.computeIfAbsent(round, r -> new byte[peers.size()][]);
    }

    private void checkDeadline(long deadline, String activity) {
        if (System.nanoTime() - deadline > 0) {
            throw new GradientSharingException("worker " + rank + " (" + peers.get(rank) + ") timed out after "
                    + timeout.toSeconds() + " s " + activity + " of " + peers);
        }
    }

    /**
     * Closes the publications, the subscription and the client. The media driver keeps the last messages sent for
     * a while (Aeron's publication linger), so peers that still miss some get them resent.
     */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>(publications.values());
        parts.add(subscription);
        parts.add(aeron);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                // Closing the rest matters more than why one part failed to close.
            }
        }
    }
}
