package org.dlspark.train.sharing;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.dlspark.train.InvalidSettingException;

/**
 * The UDP ports mesh workers receive on: any free port by default, or one of the range the Spark setting
 * {@value #SETTING} gives ({@code LOW-HIGH}), for clusters whose firewalls open only some. Worker {@code r} tries
 * {@code LOW + r} first and then the next ports, wrapping around, so that the workers on one host take different
 * ports. Training and {@code dlspark doctor}'s probe pick their ports the same way. Aeron's media driver may hold a
 * worker's port for a while after its mesh closed, so in a range a JVM takes a port it received on before (and no
 * worker of it holds now) first: its own driver takes the port up again.
 *
 * @param low the range's first port, 0 for any free port
 * @param high the range's last port, 0 for any free port
 */
public record MeshPorts(int low, int high) implements Serializable {

    /** Ports of a range this JVM's workers received on, and those of them in use now. */
    private static final Set<Integer> KEPT = new HashSet<>();
    private static final Set<Integer> IN_USE = new HashSet<>();

    /** The Spark setting that gives the range. */
    public static final String SETTING = "spark.dlspark.mesh.ports";
    /** Any free port. */
    public static final MeshPorts ANY = new MeshPorts(0, 0);

    /** Checks the range. */
    public MeshPorts {
        boolean any = low == 0 && high == 0;
        if (!any && (low < 1024 || high > 65535 || low > high)) {
            throw new InvalidSettingException(SETTING, "must be LOW-HIGH with 1024 <= LOW <= HIGH <= 65535, got "
                    + low + "-" + high);
        }
    }

    /** The range {@code conf} gives, or {@link #ANY}. */
    public static MeshPorts of(SparkConf conf) {
        String text = conf.get(SETTING, "").strip();
        if (text.isEmpty()) {
            return ANY;
        }
        String[] bounds = text.split("-");
        try {
            if (bounds.length != 2) {
                throw new NumberFormatException(text);
            }
            return new MeshPorts(Integer.parseInt(bounds[0].strip()), Integer.parseInt(bounds[1].strip()));
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(SETTING, "must be LOW-HIGH, such as 40100-40199, got '" + text + "'");
        }
    }

    /** How many ports the range holds; 0 for any free port. */
    public int size() {
        return low == 0 ? 0 : high - low + 1;
    }

    /**
     * Opens a UDP socket on {@code host} for worker {@code rank}.
     *
     * @throws UncheckedIOException when every port of the range is taken
     */
    public DatagramSocket open(String host, int rank) {
        return open(host, rank, Set.of());
    }

    /** As {@link #open(String, int)}, passing over the ports in {@code skipped}. */
    private DatagramSocket open(String host, int rank, Set<Integer> skipped) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (low == 0) {
                return new DatagramSocket(new InetSocketAddress(address, 0));
            }
            for (int tried = 0; tried < size(); tried++) {
                int port = low + (rank + tried) % size();
                if (skipped.contains(port)) {
                    continue;
                }
                try {
                    return new DatagramSocket(new InetSocketAddress(address, port));
                } catch (SocketException taken) {
                    // the next port, then
                }
            }
            throw new IOException("every UDP port of " + SETTING + "=" + low + "-" + high + " is taken");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP port on " + host + ": " + e.getMessage(), e);
        }
    }

    /**
     * A port for worker {@code rank} to receive on until it {@link #release}s it: any free one; in a range, one this
     * JVM received on before and no worker of it holds now, else one {@link #open} finds, closed again at once.
     */
    public MeshPeer pick(String host, int rank) {
        synchronized (KEPT) {
            if (low != 0) {
                for (int port : KEPT) {
                    if (port >= low && port <= high && IN_USE.add(port)) {
                        return new MeshPeer(host, port);
                    }
                }
            }
            try (DatagramSocket socket = open(host, rank, low == 0 ? Set.of() : Set.copyOf(IN_USE))) {
                if (low != 0) {
                    KEPT.add(socket.getLocalPort());
                    IN_USE.add(socket.getLocalPort());
                }
                return new MeshPeer(host, socket.getLocalPort());
            }
        }
    }

    /** Lets another worker of this JVM take {@code port} again. */
    public static void release(int port) {
        synchronized (KEPT) {
            IN_USE.remove(port);
        }
    }
}
