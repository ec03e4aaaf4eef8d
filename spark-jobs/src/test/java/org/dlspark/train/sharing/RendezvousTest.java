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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Rendezvous open(int workers, Rendezvous.Listener listener) {
        return Rendezvous.open(workers, "127.0.0.1", "127.0.0.1", listener);
    }

    private static CompletableFuture<Rendezvous.Link> linkLater(Rendezvous rendezvous, int attempt, int rank,
            int minibatches) {
        return CompletableFuture.supplyAsync(() -> Rendezvous.join(rendezvous.address(), attempt, rank,
                new MeshPeer("127.0.0.1", 40000 + rank), minibatches, "executor-" + rank, WAIT));
    }

    /** Joins on another thread; the meeting, with the connection closed at once. */
    private static CompletableFuture<Rendezvous.Meeting> joinLater(Rendezvous rendezvous, int attempt, int rank,
            int minibatches) {
        return linkLater(rendezvous, attempt, rank, minibatches).thenApply(link -> {
            link.close();
            return link.meeting();
        });
    }

    private static Throwable failure(CompletableFuture<?> future) {
        return assertThrows(CompletionException.class, future::join).getCause();
    }

    @Test
    void everyWorkerLearnsEveryAddressByRankAndTheLargestMinibatchCount() {
        try (Rendezvous rendezvous = open(3, Rendezvous.Listener.NONE)) {
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
        try (Rendezvous rendezvous = open(2, Rendezvous.Listener.NONE)) {
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
        try (Rendezvous rendezvous = open(2, Rendezvous.Listener.NONE)) {
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
        Rendezvous rendezvous = open(2, Rendezvous.Listener.NONE);
        CompletableFuture<Rendezvous.Meeting> alone = joinLater(rendezvous, 0, 0, 5);
        Thread.sleep(300);
        rendezvous.close();
        assertTrue(failure(alone).getMessage().contains("closed before every worker joined"));
    }

    @Test
    void aWorkerGivesUpAfterItsTimeout() {
        try (Rendezvous rendezvous = open(2, Rendezvous.Listener.NONE)) {
            GradientSharingException e = assertThrows(GradientSharingException.class, () -> Rendezvous.join(
                    rendezvous.address(), 0, 0, new MeshPeer("127.0.0.1", 40000), 5, "1", Duration.ofMillis(500)));
            assertTrue(e.getMessage().contains("no answer"), e.getMessage());
        }
    }

    @Test
    void theDriverHearsWhoMetAndEveryIterationEachWorkerReports() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch reports = new CountDownLatch(3);
        Rendezvous.Listener listener = new Rendezvous.Listener() {
            @Override
            public void met(List<Rendezvous.Member> members, int iterations) {
                heard.add("met " + members + " " + iterations);
            }

            @Override
            public void iterationDone(int rank, int examples, double loss) {
                heard.add(rank + ": " + examples + " " + loss);
                reports.countDown();
            }
        };
        try (Rendezvous rendezvous = open(2, listener)) {
            CompletableFuture<Rendezvous.Link> first = linkLater(rendezvous, 0, 0, 3);
            CompletableFuture<Rendezvous.Link> second = linkLater(rendezvous, 0, 1, 4);
            try (Rendezvous.Link zero = first.join(); Rendezvous.Link one = second.join()) {
                zero.iterationDone(64, 2.25);
                one.iterationDone(0, 0);
                zero.iterationDone(32, 1.5);
                assertTrue(reports.await(10, TimeUnit.SECONDS), heard.toString());
            }
        }
        assertEquals("met [Member[rank=0, executor=executor-0, address=127.0.0.1:40000], Member[rank=1, "
                + "executor=executor-1, address=127.0.0.1:40001]] 4", heard.get(0));
        assertEquals(List.of("0: 64 2.25", "0: 32 1.5"), heard.stream().filter(line -> line.startsWith("0:"))
                .toList());
        assertTrue(heard.contains("1: 0 0.0"), heard.toString());
    }

    @Test
    void aReportAfterTheDriverClosedIsDropped() {
        Rendezvous rendezvous = open(1, Rendezvous.Listener.NONE);
        try (Rendezvous.Link link = linkLater(rendezvous, 0, 0, 1).join()) {
            rendezvous.close();
            for (int i = 0; i < 1000; i++) {
                link.iterationDone(1, 1);
            }
        }
    }
}
