package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aeron.Aeron;
import io.aeron.Publication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** Three meshes in this JVM, on loopback. */
class AeronMeshTest {

    private static final byte[] SECRET = MeshPieces.newSecret();
    private static final int LIMIT = 1 << 24;

    private static final String LOOPBACK = "127.0.0.1";

    /** Workers 0 and 1 publish a round before collecting the one before it; worker 2 collects each round at once. */
    @Test
    void everyWorkerGetsEveryMessageOfEachRound() throws Exception {
        int workers = 3;
        List<MeshPeer> peers = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            peers.add(MeshPorts.ANY.pick(LOOPBACK, 0));
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<byte[][][]>> results = new ArrayList<>();
            for (int rank = 0; rank < workers; rank++) {
                int self = rank;
                results.add(pool.submit(() -> {
                    try (AeronMesh mesh = AeronMesh.join(self, peers, Duration.ofSeconds(30), SECRET, LIMIT,
                            () -> false)) {
                        byte[][][] rounds = new byte[20][][];
                        for (int round = 0; round < rounds.length; round++) {
                            // Worker 2 sends large messages, fragmented by Aeron.
                            byte[] payload = new byte[self == 2 ? 100_000 + round : 1 + round];
                            payload[0] = (byte) (10 * self + round);
                            if (self == 2) {
                                mesh.publish(round, payload);
                                rounds[round] = mesh.collect(round);
                            } else {
                                mesh.publish(round, payload);
                                if (round > 0) {
                                    rounds[round - 1] = mesh.collect(round - 1);
                                }
                            }
                        }
                        if (self != 2) {
                            rounds[rounds.length - 1] = mesh.collect(rounds.length - 1);
                        }
                        assertTrue(mesh.bytesSent() > 0);
                        return rounds;
                    }
                }));
            }
            for (Future<byte[][][]> result : results) {
                byte[][][] rounds = result.get();
                for (int round = 0; round < rounds.length; round++) {
                    for (int sender = 0; sender < workers; sender++) {
                        byte[] message = rounds[round][sender];
                        assertArrayEquals(new int[] {sender == 2 ? 100_000 + round : 1 + round, 10 * sender + round},
                                new int[] {message.length, message[0]});
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each peer gets its own message, one of them longer than Aeron's limit for a message. */
    @Test
    void eachPeerGetsItsOwnMessageWhateverItsLength() throws Exception {
        List<MeshPeer> peers = List.of(MeshPorts.ANY.pick(LOOPBACK, 0), MeshPorts.ANY.pick(LOOPBACK, 0));
        int longer = 5_000_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[][]>> results = new ArrayList<>();
            for (int rank = 0; rank < 2; rank++) {
                int self = rank;
                results.add(pool.submit(() -> {
                    try (AeronMesh mesh = AeronMesh.join(self, peers, Duration.ofSeconds(30), SECRET, LIMIT,
                            () -> false)) {
                        mesh.publish(0, peer -> {
                            byte[] payload = new byte[self == 0 && peer == 1 ? longer : 3];
                            payload[payload.length - 1] = (byte) (10 * self + peer);
                            return payload;
                        });
                        return mesh.collect(0);
                    }
                }));
            }
            byte[][] atWorker0 = results.get(0).get();
            byte[][] atWorker1 = results.get(1).get();
            assertArrayEquals(new int[] {3, 0, 3, 10}, new int[] {atWorker0[0].length, atWorker0[0][2],
                    atWorker0[1].length, atWorker0[1][2]});
            assertArrayEquals(new int[] {longer, 1, 3, 11}, new int[] {atWorker1[0].length,
                    atWorker1[0][longer - 1], atWorker1[1].length, atWorker1[1][2]});
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSilentPeerEndsTheWaitWithItsName() {
        List<MeshPeer> peers = List.of(MeshPorts.ANY.pick(LOOPBACK, 0), MeshPorts.ANY.pick(LOOPBACK, 0));
        GradientSharingException error = assertThrows(GradientSharingException.class,
                () -> AeronMesh.join(0, peers, Duration.ofSeconds(2), SECRET, LIMIT, () -> false).close());
        assertTrue(error.getMessage().contains("timed out after 2 s connecting to worker 1"), error.getMessage());
    }

    /**
     * A third party sends worker 0 pieces it must drop while worker 0 waits for round 1: bytes that are no piece,
     * a piece signed with another secret, one cut short, and pieces signed with the stage's secret (as a replay
     * would be) of a collected round, of a round too far ahead, claiming worker 0's own rank, and stating a message
     * over the limit. Worker 0 still gets worker 1's round 1 intact, and counts the seven.
     */
    @Test
    void forgedStaleAndImpossiblePiecesAreDroppedAndCounted() throws Exception {
        List<MeshPeer> peers = List.of(MeshPorts.ANY.pick(LOOPBACK, 0), MeshPorts.ANY.pick(LOOPBACK, 1));
        CountDownLatch forged = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> zero = pool.submit(() -> {
                try (AeronMesh mesh = AeronMesh.join(0, peers, Duration.ofSeconds(30), SECRET, 1000, () -> false)) {
                    mesh.publish(0, new byte[] {0});
                    mesh.collect(0);
                    mesh.publish(1, new byte[] {1});
                    byte[] fromOne = mesh.collect(1)[1];
                    assertEquals(7, mesh.rejected());
                    return fromOne;
                }
            });
            Future<?> one = pool.submit(() -> {
                try (AeronMesh mesh = AeronMesh.join(1, peers, Duration.ofSeconds(30), SECRET, 1000, () -> false)) {
                    mesh.publish(0, new byte[] {10});
                    mesh.collect(0);
                    assertTrue(forged.await(30, TimeUnit.SECONDS));
                    mesh.publish(1, new byte[] {11, 12});
                    mesh.collect(1);
                }
                return null;
            });
            try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(SharedMediaDriver.directory()));
                    Publication forger = aeron.addExclusivePublication(peers.get(0).channel(), 1001)) {
                while (!forger.isConnected()) {
                    Thread.sleep(10);
                }
                byte[] message = {13, 14};
                UnsafeBuffer valid = piece(SECRET, 1, 1, message, 0);
                List<UnsafeBuffer> pieces = List.of(new UnsafeBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}),
                        piece(MeshPieces.newSecret(), 1, 1, message, 0),
                        new UnsafeBuffer(valid.byteArray(), 0, valid.capacity() - 1),
                        piece(SECRET, 0, 1, message, 0), piece(SECRET, 1 + AeronMesh.roundsAhead(2) + 1, 1, message, 0),
                        piece(SECRET, 1, 0, message, 0), piece(SECRET, 1, 1, new byte[2000], 0));
                for (UnsafeBuffer bytes : pieces) {
                    while (forger.offer(bytes, 0, bytes.capacity()) < 0) {
                        Thread.sleep(1);
                    }
                }
                Thread.sleep(500);
                forged.countDown();
                one.get();
                assertArrayEquals(new byte[] {11, 12}, zero.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A piece of {@code message} from {@code offset}, signed with {@code secret}. */
    private static UnsafeBuffer piece(byte[] secret, long round, int sender, byte[] message, int offset) {
        int length = Math.min(message.length - offset, 1000);
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[MeshPieces.OVERHEAD + length]);
        new MeshPieces(secret).write(buffer, round, sender, message, offset, length);
        return buffer;
    }
}
