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
import java.util.function.IntFunction;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An all-to-all exchange among the workers of one training stage over Aeron UDP: each worker connects to its JVM's
 * media driver ({@link SharedMediaDriver}), receives on one subscription and publishes to every other worker. In
 * round {@code r} every worker publishes one message to each other worker ({@link #publish}), the same to all or
 * one of its own to each, and later collects the other workers' messages of round {@code r} ({@link #collect}); a
 * worker may publish round {@code r + 1} before collecting round {@code r}, so that it need not wait for a peer that
 * is a little behind. Messages of rounds not collected yet are kept. A message longer than Aeron's limit travels in
 * pieces and is put together again on arrival. Every wait is bounded: a peer that stays silent past the timeout
 * fails the exchange with its address, and so does the task's cancellation by Spark.
 */
public final class AeronMesh implements AutoCloseable {

    private static final int STREAM_ID = 1001;
    /** Each piece starts with its round, its sender's rank, its offset in the message and the message's length. */
    private static final int HEADER_BYTES = Long.BYTES + 3 * Integer.BYTES;
    private static final int FRAGMENTS_PER_POLL = 64;

    private final int rank;
    private final List<MeshPeer> peers;
    private final Duration timeout;
    private final Aeron aeron;
    private final Subscription subscription;
    private final Map<Integer, Publication> publications = new HashMap<>();
    private final FragmentAssembler assembler = new FragmentAssembler(this::onMessage);
    private final Map<Long, byte[][]> received = new HashMap<>();
    private final Map<Long, Map<Integer, Arrival>> arriving = new HashMap<>();
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
        publish(round, peer -> payload);
    }

    /**
     * Sends each worker its own message, {@code payloadFor.apply(rank)}, as round {@code round}; this worker's own
     * is kept for {@link #collect}. Rounds must increase.
     */
    public void publish(long round, IntFunction<byte[]> payloadFor) {
        if (round <= lastPublished) {
            throw new IllegalArgumentException("round " + round + " after round " + lastPublished);
        }
        lastPublished = round;
        slot(round)[rank] = payloadFor.apply(rank);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Integer, Publication> publication : publications.entrySet()) {
            byte[] payload = payloadFor.apply(publication.getKey());
            int pieceBytes = publication.getValue().maxMessageLength() - HEADER_BYTES;
            int offset = 0;
            do {
                int length = Math.min(pieceBytes, payload.length - offset);
                send(publication.getKey(), publication.getValue(), round, payload, offset, length, deadline);
                offset += length;
            } while (offset < payload.length);
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

    /** How many workers the mesh joins, this one included. */
    public int workers() {
        return peers.size();
    }

    /** Bytes this worker has published, headers included, summed over its peers. */
    public long bytesSent() {
        return bytesSent;
    }

    private void send(int other, Publication publication, long round, byte[] payload, int offset, int length,
            long deadline) {
        int pieceLength = HEADER_BYTES + length;
        if (sendBuffer.capacity() < pieceLength) {
            sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(Integer.highestOneBit(pieceLength) << 1));
        }
        sendBuffer.putLong(0, round);
        sendBuffer.putInt(Long.BYTES, rank);
        sendBuffer.putInt(Long.BYTES + Integer.BYTES, offset);
        sendBuffer.putInt(Long.BYTES + 2 * Integer.BYTES, payload.length);
        sendBuffer.putBytes(HEADER_BYTES, payload, offset, length);
        long result;
        while ((result = publication.offer(sendBuffer, 0, pieceLength)) < 0) {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED) {
                throw new GradientSharingException("the publication to worker " + other + " (" + peers.get(other)
                        + ") is closed");
            }
            checkDeadline(deadline, "sending round " + round + " to worker " + other);
            // Keep receiving while the peer's window is full, or two workers sending at once could wait forever.
            subscription.poll(assembler, FRAGMENTS_PER_POLL);
            idle.idle();
        }
        idle.reset();
        bytesSent += pieceLength;
    }

    private void onMessage(DirectBuffer buffer, int offset, int length, Header header) {
        long round = buffer.getLong(offset);
        int sender = buffer.getInt(offset + Long.BYTES);
        int pieceOffset = buffer.getInt(offset + Long.BYTES + Integer.BYTES);
        int total = buffer.getInt(offset + Long.BYTES + 2 * Integer.BYTES);
        int pieceLength = length - HEADER_BYTES;
        if (sender < 0 || sender >= peers.size() || sender == rank || round <= lastCollected) {
            throw new GradientSharingException("worker " + rank + " received an unexpected message: round " + round
                    + " from worker " + sender + " after collecting round " + lastCollected);
        }
        byte[][] messages = slot(round);
        if (messages[sender] != null) {
            throw new GradientSharingException("worker " + sender + " sent round " + round + " twice");
        }
        Map<Integer, Arrival> pending = arriving.computeIfAbsent(round, r -> new HashMap<>());
        Arrival arrival = pending.computeIfAbsent(sender, s -> new Arrival(total));
        if (total != arrival.payload.length || pieceOffset < 0 || pieceOffset + pieceLength > total) {
            throw new GradientSharingException("worker " + sender + " sent a malformed piece of round " + round
                    + ": bytes " + pieceOffset + " to " + (pieceOffset + pieceLength) + " of " + total);
        }
        buffer.getBytes(offset + HEADER_BYTES, arrival.payload, pieceOffset, pieceLength);
        arrival.received += pieceLength;
        if (arrival.received >= total) {
            messages[sender] = arrival.payload;
            pending.remove(sender);
            if (pending.isEmpty()) {
                arriving.remove(round);
            }
        }
    }

    /** A message whose pieces are still arriving. */
    private static final class Arrival {
        private final byte[] payload;
        private int received;

        Arrival(int length) {
            payload = new byte[length];
        }
    }

    private byte[][] slot(long round) {
        return received.computeIfAbsent(round, r -> new byte[peers.size()][]);
    }

    /** Fails the exchange when it has waited past {@code deadline}, or Spark cancelled the task (interrupted it). */
    private void checkDeadline(long deadline, String activity) {
        if (Thread.currentThread().isInterrupted()) {
            throw new GradientSharingException("worker " + rank + " (" + peers.get(rank) + ") was cancelled "
                    + activity);
        }
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
