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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The exchanges among the workers of one training stage over Aeron UDP: each worker connects to its JVM's media
 * driver ({@link SharedMediaDriver}), receives on one subscription and can publish to every other worker. In an
 * all-to-all round {@code r} every worker publishes one message to each other worker ({@link #publish}), the same to
 * all or one of its own to each, and later collects the other workers' messages of round {@code r}
 * ({@link #collect}); in a pairwise round it sends one message to one worker ({@link #send}) and receives one from
 * one ({@link #receive}). A worker may publish round {@code r + 1} before collecting round {@code r}, so that it
 * need not wait for a peer that is a little behind. Messages of rounds not collected yet are kept. A message longer
 * than Aeron's limit travels in pieces and is put together again on arrival. Every wait is bounded: a peer that
 * stays silent past the timeout fails the exchange with its address, and so does Spark's killing the task (a
 * cancelled or failed stage): the mesh asks the task context, since interrupting a thread inside Aeron's client could
 * break the client.
 * <p>
 * Any process that reaches a worker's UDP port can send to it, so every piece is signed with the stage's secret
 * ({@link MeshPieces}), and a piece that fails the check, claims this worker's rank or one the mesh lacks, belongs
 * to a round collected already or more than {@link #roundsAhead} rounds ahead, states a message longer than the
 * mesh's limit, or repeats a piece or a message that arrived already, is dropped and counted ({@link #rejected()}),
 * never applied. What the mesh holds for rounds not collected yet is thus bounded by the limit.
 */
public final class AeronMesh implements AutoCloseable {

    private static final int STREAM_ID = 1001;
    private static final int FRAGMENTS_PER_POLL = 64;

    private final int rank;
    private final List<MeshPeer> peers;
    private final Duration timeout;
    private final MeshPieces pieces;
    private final int maxMessageBytes;
    private final BooleanSupplier killed;
    private final int roundsAhead;
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
    private long rejected;

    private AeronMesh(int rank, List<MeshPeer> peers, Duration timeout, byte[] secret, int maxMessageBytes,
            BooleanSupplier killed) {
        this.rank = rank;
        this.peers = List.copyOf(peers);
        this.timeout = timeout;
        this.pieces = new MeshPieces(secret);
        this.maxMessageBytes = maxMessageBytes;
        this.killed = killed;
        this.roundsAhead = roundsAhead(peers.size());
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
     * @param secret the stage's secret, which every piece is signed with
     * @param maxMessageBytes the longest message a peer may send
     * @param killed whether Spark killed the task (its {@code TaskContext.isInterrupted}), which ends every wait
     * @throws GradientSharingException when a peer cannot be reached within {@code timeout}
     */
    public static AeronMesh join(int rank, List<MeshPeer> peers, Duration timeout, byte[] secret,
            int maxMessageBytes, BooleanSupplier killed) {
        AeronMesh mesh = new AeronMesh(rank, peers, timeout, secret, maxMessageBytes, killed);
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
        for (int other : publications.keySet()) {
            sendTo(other, round, payloadFor.apply(other), deadline);
        }
    }

    /** Sends {@code payload} to worker {@code other} as round {@code round}, in pieces as long as Aeron allows. */
    private void sendTo(int other, long round, byte[] payload, long deadline) {
        if (payload.length > maxMessageBytes) {
            throw new IllegalArgumentException("a message of " + payload.length + " bytes, over the mesh's limit of "
                    + maxMessageBytes);
        }
        Publication publication = publications.get(other);
        int pieceBytes = publication.maxMessageLength() - MeshPieces.OVERHEAD;
        int offset = 0;
        do {
            int length = Math.min(pieceBytes, payload.length - offset);
            send(other, publication, round, payload, offset, length, deadline);
            offset += length;
        } while (offset < payload.length);
    }

    /**
     * How far ahead of the last collected round a peer's message may be: a sum among {@code workers} takes up to
     * {@link UpdateExchange#rounds} pairwise rounds, and a peer may be a sum ahead of a worker still waiting in the
     * one before.
     */
    static int roundsAhead(int workers) {
        return 4 + 2 * Math.max(SparseAllReduce.rounds(workers), new DenseRingAllReduce(0, workers).rounds());
    }

    /** Sends {@code payload} to worker {@code peer} alone as round {@code round}. Rounds must increase. */
    public void send(long round, int peer, byte[] payload) {
        if (round <= lastPublished) {
            throw new IllegalArgumentException("round " + round + " after round " + lastPublished);
        }
        lastPublished = round;
        sendTo(peer, round, payload, System.nanoTime() + timeout.toNanos());
    }

    /**
     * Waits for worker {@code peer}'s message of round {@code round} and returns it; messages of the round from any
     * other worker are dropped. Rounds are received in increasing order.
     */
    public byte[] receive(long round, int peer) {
        if (round <= lastCollected) {
            throw new IllegalArgumentException("receiving round " + round + " after round " + lastCollected);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[][] messages = slot(round);
        while (messages[peer] == null) {
            checkDeadline(deadline, "waiting for round " + round + " from worker " + peer);
            if (subscription.poll(assembler, FRAGMENTS_PER_POLL) == 0) {
                idle.idle();
            } else {
                idle.reset();
            }
        }
        lastCollected = round;
        received.keySet().removeIf(older -> older <= round);
        arriving.keySet().removeIf(older -> older <= round);
        return messages[peer];
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

    /** The pieces this worker dropped: unsigned, altered, cut short, stale, repeated or impossible ones. */
    public long rejected() {
        return rejected;
    }

    private void send(int other, Publication publication, long round, byte[] payload, int offset, int length,
            long deadline) {
        int pieceLength = MeshPieces.OVERHEAD + length;
        if (sendBuffer.capacity() < pieceLength) {
            sendBuffer = new UnsafeBuffer(ByteBuffer.allocateDirect(Integer.highestOneBit(pieceLength) << 1));
        }
        pieces.write(sendBuffer, round, rank, payload, offset, length);
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

    /** Takes a piece that passes every check into its message; drops and counts any other. */
    void onMessage(DirectBuffer buffer, int offset, int length, Header header) {
        MeshPieces.Piece piece = pieces.read(buffer, offset, length);
        if (piece == null || !expected(piece)) {
            rejected++;
            return;
        }
        byte[][] messages = slot(piece.round());
        Map<Integer, Arrival> pending = arriving.computeIfAbsent(piece.round(), r -> new HashMap<>());
        Arrival arrival = pending.computeIfAbsent(piece.sender(), s -> new Arrival(piece.total()));
        if (piece.total() != arrival.payload.length || !arrival.offsets.add(piece.offset())) {
            rejected++;
            return;
        }
        System.arraycopy(piece.part(), 0, arrival.payload, piece.offset(), piece.part().length);
        arrival.received += piece.part().length;
        if (arrival.received >= piece.total()) {
            messages[piece.sender()] = arrival.payload;
            pending.remove(piece.sender());
            if (pending.isEmpty()) {
                arriving.remove(piece.round());
            }
        }
    }

    /** Whether a signed piece fits: another worker's, of a round to come, within the limit, not complete yet. */
    private boolean expected(MeshPieces.Piece piece) {
        boolean fits = piece.sender() >= 0 && piece.sender() < peers.size() && piece.sender() != rank
                && piece.round() > lastCollected && piece.round() <= lastCollected + roundsAhead
                && piece.total() <= maxMessageBytes;
        return fits && slot(piece.round())[piece.sender()] == null;
    }

    /** A message whose pieces are still arriving, with the offsets of those that have. */
    private static final class Arrival {
        private final byte[] payload;
        private final Set<Integer> offsets = new HashSet<>();
        private int received;

        Arrival(int length) {
            payload = new byte[length];
        }
    }

    private byte[][] slot(long round) {
        return received.computeIfAbsent(round, r -> new byte[peers.size()][]);
    }

    /** Fails the exchange when it has waited past {@code deadline}, or Spark killed the task. */
    private void checkDeadline(long deadline, String activity) {
        if (killed.getAsBoolean()) {
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
