package org.dlspark.train.sharing;

import java.io.Serializable;

/** Where one worker of a gradient-sharing mesh receives: a host and a UDP port, written {@code host:port}. */
public record MeshPeer(String host, int port) implements Serializable {

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

    /** The Aeron channel that reaches this peer. */
    String channel() {
        return "aeron:udp?endpoint=" + host + ":" + port;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
