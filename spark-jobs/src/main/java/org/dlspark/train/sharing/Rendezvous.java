package org.dlspark.train.sharing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the workers of one mesh stage meet, served by the driver over TCP: each worker sends its stage attempt, its
 * rank, the address its mesh receives on, its minibatch count and its executor ({@link #join}); once every rank of
 * the latest attempt has reported, each gets every worker's address and the largest count back. It replaces Spark's
 * {@code BarrierTaskContext.allGather}, whose Spark 3.5 implementation polls in whole seconds, so every call cost
 * at least a second of every epoch. Each worker keeps its connection for the rest of the stage and reports every
 * iteration it finishes on it ({@link Link#iterationDone}), which the driver's {@link Listener} hears: progress and
 * the stall watchdog need no other channel. A rendezvous serves one epoch's stage (Spark's retries of it included)
 * and stops listening once it has answered or the driver closes it; closing ends the wait of any worker still
 * connected and the reports of those that met.
 */
public final class Rendezvous implements AutoCloseable {

    private static final String OK = "ok ";
    private static final String ERROR = "error ";
    /** How long a connection may take to send its request once connected. */
    private static final Duration REQUEST_WAIT = Duration.ofSeconds(30);

    private static final String ITERATION = "iteration ";

    private final int workers;
    private final String advertisedHost;
    private final Listener listener;
    private final ServerSocket server;
    private volatile Attempt met;

    /** Where every worker stands and how many minibatches the longest worker fits. */
    public record Meeting(List<MeshPeer> peers, int iterations) {
    }

    /** One worker of the meeting: its rank, the executor it runs in and where its mesh receives. */
    public record Member(int rank, String executor, MeshPeer address) {
    }

    /** What the driver hears from the workers of a stage; called on the rendezvous's own threads. */
    public interface Listener {

        /** Hears nothing: for a stage whose workers only need to meet. */
        Listener NONE = new Listener() {
            @Override
            public void met(List<Member> members, int iterations) {
            }

            @Override
            public void iterationDone(int rank, int examples, double loss) {
            }
        };

        /** Every worker has joined; {@code members} by rank. */
        void met(List<Member> members, int iterations);

        /** Worker {@code rank} finished an iteration, in which it fitted {@code examples} examples to that loss. */
        void iterationDone(int rank, int examples, double loss);
    }

    private Rendezvous(int workers, String bindHost, String advertisedHost, Listener listener) throws IOException {
        this.workers = workers;
        this.advertisedHost = advertisedHost;
        this.listener = listener;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(bindHost), 0), workers);
        Thread acceptor = new Thread(this::serve, "dlspark rendezvous");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Opens a rendezvous for {@code workers} workers on a free port.
     *
     * @param bindHost the address to listen on (Spark's {@code spark.driver.bindAddress})
     * @param advertisedHost the name the executors reach the driver by ({@code spark.driver.host})
     * @param listener hears the meeting and the workers' iterations
     */
    public static Rendezvous open(int workers, String bindHost, String advertisedHost, Listener listener) {
        try {
            return new Rendezvous(workers, bindHost, advertisedHost, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for gradient-sharing workers on " + bindHost, e);
        }
    }

    /** Where the workers connect: {@code host:port}. */
    public String address() {
        return advertisedHost + ":" + server.getLocalPort();
    }

    /**
     * Accepts one request per rank, then answers them all with the meeting and listens to their reports. A request
     * of a later stage attempt (Spark retried the stage) drops the earlier attempt's workers; requests of earlier
     * attempts, malformed ones and a rank's second request are refused. Once the meeting is answered it stops
     * listening for new workers.
     */
    private void serve() {
        Attempt attempt = new Attempt(-1, workers);
        boolean answered = false;
        try {
            while (!attempt.complete()) {
                Socket socket = server.accept();
                String request = readRequest(socket);
                Request parsed = Request.parse(request, workers);
                if (parsed != null && parsed.attempt() > attempt.number()) {
                    attempt.drop();
                    attempt = new Attempt(parsed.attempt(), workers);
                }
                if (parsed == null || parsed.attempt() < attempt.number() || !attempt.add(parsed, socket)) {
                    refuse(socket, "bad, stale or repeated request '" + request + "' for " + workers + " workers");
                }
            }
            met = attempt;
            attempt.answer();
            answered = true;
            listener.met(attempt.members(), attempt.iterations);
            attempt.listen(listener);
        } catch (IOException e) {
            // Closed by the driver (the stage ended or failed), or a worker's connection broke before the answer:
            // the waiting workers see their connections close and fail with that.
        } finally {
            if (!answered) {
                attempt.drop();
            }
            closeServer();
        }
    }

    /**
     * One worker's request: {@code attempt rank host:port minibatches executor}; null when malformed.
     */
    private record Request(int attempt, int rank, String address, int minibatches, String executor) {

        static Request parse(String line, int workers) {
            String[] parts = line == null ? new String[0] : line.split(" ");
            if (parts.length != 5) {
                return null;
            }
            try {
                MeshPeer.parse(parts[2]);
                Request request = new Request(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), parts[2],
                        Integer.parseInt(parts[3]), parts[4]);
                boolean valid = request.attempt >= 0 && request.rank >= 0 && request.rank < workers
                        && request.minibatches >= 0;
                return valid ? request : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return attempt + " " + rank + " " + address + " " + minibatches + " " + executor;
        }
    }

    /** The workers of one stage attempt that have joined so far, with their open connections. */
    private static final class Attempt {
        private final int number;
        private final Socket[] joined;
        private final String[] addresses;
        private final String[] executors;
        private int iterations;
        private int missing;

        Attempt(int number, int workers) {
            this.number = number;
            this.joined = new Socket[workers];
            this.addresses = new String[workers];
            this.executors = new String[workers];
            this.missing = workers;
        }

        int number() {
            return number;
        }

        boolean complete() {
            return missing == 0;
        }

        /** Adds a worker; false when its rank has joined already. */
        boolean add(Request request, Socket socket) {
            if (joined[request.rank()] != null) {
                return false;
            }
            joined[request.rank()] = socket;
            addresses[request.rank()] = request.address();
            executors[request.rank()] = request.executor();
            iterations = Math.max(iterations, request.minibatches());
            missing--;
            return true;
        }

        void answer() throws IOException {
            String meeting = OK + iterations + " " + String.join(" ", addresses);
            for (Socket socket : joined) {
                Rendezvous.answer(socket, meeting);
            }
        }

        List<Member> members() {
            List<Member> members = new ArrayList<>();
            for (int rank = 0; rank < joined.length; rank++) {
                members.add(new Member(rank, executors[rank], MeshPeer.parse(addresses[rank])));
            }
            return members;
        }

        /** Passes each worker's reports to {@code listener}, one thread per worker, until its connection ends. */
        void listen(Listener listener) {
            for (int rank = 0; rank < joined.length; rank++) {
                Socket socket = joined[rank];
                int worker = rank;
                Thread reader = new Thread(() -> readReports(socket, worker, listener),
                        "dlspark worker " + rank + " reports");
                reader.setDaemon(true);
                reader.start();
            }
        }

        void drop() {
            for (Socket socket : joined) {
                closeQuietly(socket);
            }
        }
    }

    /** Reads {@code iteration EXAMPLES LOSS} lines until the connection ends; others are ignored. */
    private static void readReports(Socket socket, int rank, Listener listener) {
        try {
            socket.setSoTimeout(0);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] parts = line.startsWith(ITERATION) ? line.substring(ITERATION.length()).split(" ") : null;
                if (parts != null && parts.length == 2) {
                    try {
                        listener.iterationDone(rank, Integer.parseInt(parts[0]), Double.parseDouble(parts[1]));
                    } catch (NumberFormatException e) {
                        // not a report
                    }
                }
            }
        } catch (IOException e) {
            // the worker left, or the driver closed the rendezvous
        }
    }

    /** The request line, or null when the connection breaks or stays silent for {@link #REQUEST_WAIT}. */
    private static String readRequest(Socket socket) {
        try {
            socket.setSoTimeout(Math.toIntExact(REQUEST_WAIT.toMillis()));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static void answer(Socket socket, String line) throws IOException {
        PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8);
        out.print(line + "\n");
        out.flush();
    }

    private static void refuse(Socket socket, String reason) {
        try {
            answer(socket, ERROR + reason);
        } catch (IOException e) {
            // it has gone already
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /**
     * Joins the rendezvous at {@code address} as worker {@code rank} of Spark's stage attempt {@code attempt} and
     * waits for the others.
     *
     * @param executor the Spark executor the worker runs in
     * @return the meeting, with the connection the worker reports its iterations on
     * @throws GradientSharingException when the rendezvous refuses the request, closes, or stays silent past
     *     {@code timeout}
     */
    public static Link join(String address, int attempt, int rank, MeshPeer self, int minibatches, String executor,
            Duration timeout) {
        MeshPeer driver = MeshPeer.parse(address);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(driver.host(), driver.port()), Math.toIntExact(timeout.toMillis()));
            socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            socket.setTcpNoDelay(true);
            answer(socket, new Request(attempt, rank, self.toString(), minibatches, executor).toString());
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (reply == null || !reply.startsWith(OK)) {
                throw new GradientSharingException("worker " + rank + ": the rendezvous at " + address + " "
                        + (reply == null ? "closed before every worker joined" : "refused: " + reply));
            }
            String[] parts = reply.substring(OK.length()).split(" ");
            List<MeshPeer> peers = new ArrayList<>();
            Arrays.stream(parts, 1, parts.length).map(MeshPeer::parse).forEach(peers::add);
            return new Link(socket, new Meeting(peers, Integer.parseInt(parts[0])));
        } catch (SocketException e) {
            closeQuietly(socket);
            throw new GradientSharingException("worker " + rank + ": cannot reach the rendezvous at " + address
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new GradientSharingException("worker " + rank + ": no answer from the rendezvous at " + address
                    + " within " + timeout + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /**
     * A worker's connection to the driver once the workers have met: it reports each iteration the worker finishes.
     * A report never fails the worker: once the driver has gone, reports are dropped.
     */
    public static final class Link implements IterationListener, AutoCloseable {
        private final Socket socket;
        private final Meeting meeting;
        private final PrintWriter out;

        private Link(Socket socket, Meeting meeting) throws IOException {
            this.socket = socket;
            this.meeting = meeting;
            this.out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.UTF_8);
        }

        /** Where every worker stands and how many rounds the stage runs. */
        public Meeting meeting() {
            return meeting;
        }

        @Override
        public void iterationDone(int examples, double loss) {
            out.print(String.format(Locale.ROOT, "%s%d %s\n", ITERATION, examples, Double.toString(loss)));
            out.flush();
        }

        @Override
        public void close() {
            out.close();
            closeQuietly(socket);
        }
    }

    /** Stops listening, drops every connection still waiting and ends the reports of the workers that met. */
    @Override
    public void close() {
        closeServer();
        Attempt attempt = met;
        if (attempt != null) {
            attempt.drop();
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
