package org.dlspark.train.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Where one worker of a gradient-sharing mesh receives: a host and a UDP port, written {@code host:port}. */
public record MeshPeer(String host, int port) {

    /** Checks the port. */
    public MeshPeer {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " of " + host);
        }
    }

    /** Reads {@code host:port}. */
    public static MeshPeer parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not host:port: '" + text + "'");
        }
        return new MeshPeer(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    /**
     * A UDP port on {@code host} that is free now: the operating system picks one for a socket that is closed
     * again at once.
     */
    public static MeshPeer withFreePort(String host) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
            return new MeshPeer(host, socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP port on " + host, e);
        }
    }

    /** The Aeron channel that reaches this peer. */
    String channel() {
        return "aeron:udp?endpoint=" + host + ":" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
