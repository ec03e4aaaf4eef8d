package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static CompletableFuture<Rendezvous.Meeting> joinLater(Rendezvous rendezvous, int attempt, int rank,
            int minibatches) {
        return CompletableFuture.supplyAsync(() -> Rendezvous.join(rendezvous.address(), attempt, rank,
                new MeshPeer("127.0.0.1", 40000 + rank), minibatches, WAIT));
    }

    private static Throwable failure(CompletableFuture<?> future) {
        return assertThrows(CompletionException.class, future::join).getCause();
    }

    @Test
    void everyWorkerLearnsEveryAddressByRankAndTheLargestMinibatchCount() {
        try (Rendezvous rendezvous = Rendezvous.open(3, "127.0.0.1", "127.0.0.1")) {
            List<CompletableFuture<Rendezvous.Meeting>> joins = IntStream.of(2, 0, 1)
                    .mapToObj(rank -> joinLater(rendezvous, 0, rank, 10 + rank * 5)).toList();
            List<MeshPeer> expected = List.of(new MeshPeer("127.0.0.1", 40000), new MeshPeer("127.0.0.1", 40001),
                    new MeshPeer("127.0.0.1", 40002));
            for (CompletableFuture<Rendezvous.Meeting> join : joins) {
                assertEquals(new Rendezvous.Meeting(expected, 20), join.join());
            }
        }
    }

    @Test
    void aLaterStageAttemptDropsTheWorkersOfAnEarlierOne() throws Exception {
        try (Rendezvous rendezvous = Rendezvous.open(2, "127.0.0.1", "127.0.0.1")) {
            CompletableFuture<Rendezvous.Meeting> stale = joinLater(rendezvous, 0, 0, 5);
            Thread.sleep(300);
            CompletableFuture<Rendezvous.Meeting> first = joinLater(rendezvous, 1, 0, 5);
            CompletableFuture<Rendezvous.Meeting> second = joinLater(rendezvous, 1, 1, 6);
            assertEquals(6, first.join().iterations());
            assertEquals(6, second.join().iterations());
            assertTrue(failure(stale).getMessage().contains("closed before every worker joined"));
            Throwable late = failure(joinLater(rendezvous, 0, 1, 5));
            assertTrue(late instanceof GradientSharingException, late.toString());
        }
    }

    @Test
    void aRepeatedRankAndAMalformedRequestAreRefused() throws Exception {
        try (Rendezvous rendezvous = Rendezvous.open(2, "127.0.0.1", "127.0.0.1")) {
            CompletableFuture<Rendezvous.Meeting> first = joinLater(rendezvous, 0, 0, 5);
            Thread.sleep(300);
            Throwable repeated = failure(joinLater(rendezvous, 0, 0, 5));
            assertTrue(repeated.getMessage().contains("refused"), repeated.getMessage());
            MeshPeer server = MeshPeer.parse(rendezvous.address());
            try (Socket socket = new Socket(server.host(), server.port())) {
                socket.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
                String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assertTrue(reply.startsWith("error "), reply);
            }
            assertEquals(7, joinLater(rendezvous, 0, 1, 7).join().iterations());
            assertEquals(7, first.join().iterations());
        }
    }

    @Test
    void closingEndsTheWaitOfAWorkerWhosePeersNeverCame() throws Exception {
        Rendezvous rendezvous = Rendezvous.open(2, "127.0.0.1", "127.0.0.1");
        CompletableFuture<Rendezvous.Meeting> alone = joinLater(rendezvous, 0, 0, 5);
        Thread.sleep(300);
        rendezvous.close();
        assertTrue(failure(alone).getMessage().contains("closed before every worker joined"));
    }

    @Test
    void aWorkerGivesUpAfterItsTimeout() {
        try (Rendezvous rendezvous = Rendezvous.open(2, "127.0.0.1", "127.0.0.1")) {
            GradientSharingException e = assertThrows(GradientSharingException.class, () -> Rendezvous.join(
                    rendezvous.address(), 0, 0, new MeshPeer("127.0.0.1", 40000), 5, Duration.ofMillis(500)));
            assertTrue(e.getMessage().contains("no answer"), e.getMessage());
        }
    }
}
