package org.dlspark.train.sharing;

import io.aeron.driver.Configuration;
import io.aeron.logbuffer.LogBufferDescriptor;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import scala.collection.Iterator;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * Checks, before any training, that the executors of a mesh can reach each other over UDP and have room for Aeron's
 * files: {@code workers} tasks run as one barrier stage, as training's do, meet at a {@link Rendezvous}, open their
 * UDP ports as training does ({@link MeshPorts}) and, for {@link #PROBE_TIME}, send every other worker a datagram
 * every {@link #PROBE_INTERVAL_MILLIS} ms while they note whom they hear from.
 */
public final class MeshProbe {

    /** How long every worker sends and listens. */
    public static final Duration PROBE_TIME = Duration.ofSeconds(3);
    private static final int PROBE_INTERVAL_MILLIS = 100;
    private static final String PROBE = "dlspark-probe ";
    /** The media driver's command-and-control file and its counters, with room to spare. */
    private static final long DRIVER_FILES_BYTES = 16L << 20;

    private MeshProbe() {
    }

    /**
     * What one worker found: the workers it heard from over UDP (itself included), and the free space of the folder
     * its Aeron files would go in.
     */
    public record Report(int rank, String executor, MeshPeer address, List<Integer> heardFrom, String aeronFolder,
            long aeronFreeBytes) implements Serializable {
    }

    /**
     * Runs the probe with {@code workers} tasks, cancelled when they have not all started within {@code startWait}.
     *
     * @param peerTimeout how long a worker waits for the others at the rendezvous
     * @return each worker's report, by rank
     */
    public static List<Report> run(JavaSparkContext spark, int workers, Duration peerTimeout, Duration startWait) {
        SparkConf conf = spark.getConf();
        MeshPorts.of(conf);
        String host = conf.get("spark.driver.host");
        String group = "dlspark-doctor-udp-probe";
        Timer canceller = new Timer("dlspark probe canceller", true);
        List<Report> reports;
        try (Rendezvous rendezvous = Rendezvous.open(workers, conf.get("spark.driver.bindAddress", host), host,
                Rendezvous.Listener.NONE)) {
            spark.setJobGroup(group, "dlspark doctor: UDP among the executors", true);
            canceller.schedule(new TimerTask() {
                @Override
                public void run() {
                    spark.cancelJobGroup(group);
                }
            }, startWait.plus(PROBE_TIME).plus(peerTimeout).toMillis());
            reports = new ArrayList<>(spark.parallelize(IntStream.range(0, workers).boxed().toList(), workers).rdd()
                    .barrier().mapPartitions(new Stage(rendezvous.address(), peerTimeout), false,
                            ClassTag$.MODULE$.apply(Report.class))
                    .toJavaRDD().collect());
        } finally {
            canceller.cancel();
            spark.clearJobGroup();
        }
        reports.sort(Comparator.comparingInt(Report::rank));
        return reports;
    }

    /**
     * The space Aeron's files take on a worker's host for a mesh of {@code workers}: a log of three terms for its
     * publication to each peer and for each peer's image, and the media driver's own files.
     */
    public static long aeronBytesNeeded(int workers) {
        long log = 3L * Configuration.TERM_BUFFER_LENGTH_DEFAULT + LogBufferDescriptor.LOG_META_DATA_LENGTH;
        return 2L * Math.max(0, workers - 1) * log + DRIVER_FILES_BYTES;
    }

    /** One worker's part of the probe. */
    private static final class Stage extends AbstractFunction1<Iterator<Integer>, Iterator<Report>>
            implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String rendezvous;
        private final Duration timeout;

        Stage(String rendezvous, Duration timeout) {
            this.rendezvous = rendezvous;
            this.timeout = timeout;
        }

        @Override
        public Iterator<Report> apply(Iterator<Integer> partition) {
            BarrierTaskContext context = BarrierTaskContext.get();
            int rank = context.partitionId();
            SparkEnv env = SparkEnv.get();
            String host = env.blockManager().blockManagerId().host();
            try (DatagramSocket socket = MeshPorts.of(env.conf()).open(host, rank)) {
                MeshPeer self = new MeshPeer(host, socket.getLocalPort());
                try (Rendezvous.Link link = Rendezvous.join(rendezvous, context.stageAttemptNumber(), rank, self, 0,
                        env.executorId(), timeout)) {
                    List<Integer> heard = exchange(socket, rank, link.meeting().peers());
                    Path aeron = Path.of(System.getProperty("java.io.tmpdir"));
                    Report report = new Report(rank, env.executorId(), self, heard, aeron.toString(),
                            Files.getFileStore(aeron).getUsableSpace());
                    return JavaConverters.asScalaIterator(List.of(report).iterator());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("worker " + rank + " of the UDP probe: " + e.getMessage(), e);
            }
        }

        /** Sends to every peer and listens for {@link #PROBE_TIME}; the ranks heard from, this one included. */
        private static List<Integer> exchange(DatagramSocket socket, int rank, List<MeshPeer> peers)
                throws IOException {
            TreeSet<Integer> heard = new TreeSet<>(List.of(rank));
            byte[] probe = (PROBE + rank).getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[64];
            socket.setSoTimeout(PROBE_INTERVAL_MILLIS / 4);
            long end = System.nanoTime() + PROBE_TIME.toNanos();
            long nextSend = 0;
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextSend) {
                    for (int other = 0; other < peers.size(); other++) {
                        if (other != rank) {
                            MeshPeer peer = peers.get(other);
                            socket.send(new DatagramPacket(probe, probe.length,
                                    new InetSocketAddress(peer.host(), peer.port())));
                        }
                    }
                    nextSend = System.nanoTime() + PROBE_INTERVAL_MILLIS * 1_000_000L;
                }
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                    String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                    if (text.startsWith(PROBE)) {
                        heard.add(Integer.parseInt(text.substring(PROBE.length()).strip()));
                    }
                } catch (SocketTimeoutException | NumberFormatException e) {
                    // nothing, or not a probe: listen on
                }
            }
            return List.copyOf(heard);
        }
    }
}
