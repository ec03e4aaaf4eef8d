package org.dlspark.system;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An attacker of a training mesh, run as its own process by {@code ForgedTrafficIT}: every 200 ms it reads what
 * tcpdump has captured of the workers' UDP traffic so far, puts Aeron's fragments back together into DLSpark's
 * pieces, and sends them to each worker again through a publication of its own (replays), with the same pieces cut
 * short and random bytes, until it is killed.
 * <p>
 * Arguments: the capture file, then the workers' {@code host:port} endpoints.
 */
public final class MeshForger {

    private static final int STREAM_ID = 1001;
    private static final int FRAME_HEADER = 32;
    private static final int DATA = 1;
    private static final int BEGIN = 0x80;
    private static final int END = 0x40;

    private MeshForger() {
    }

    public static void main(String[] args) throws Exception {
        Path capture = Path.of(args[0]);
        Path folder = Files.createTempDirectory("forger-aeron");
        Random random = new Random(7);
        try (MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(folder.toString()).dirDeleteOnShutdown(true));
                Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()))) {
            List<Publication> targets = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                targets.add(aeron.addPublication("aeron:udp?endpoint=" + args[i], STREAM_ID));
            }
            long sent = 0;
            while (true) {
                List<byte[]> pieces = Files.exists(capture) ? pieces(Files.readAllBytes(capture)) : List.of();
                List<byte[]> forged = new ArrayList<>();
                for (byte[] piece : pieces) {
                    forged.add(piece);
                    forged.add(java.util.Arrays.copyOf(piece, Math.max(1, piece.length - 1 - random.nextInt(16))));
                }
                for (int i = 0; i < 20; i++) {
                    byte[] noise = new byte[1 + random.nextInt(3000)];
                    random.nextBytes(noise);
                    forged.add(noise);
                }
                for (Publication target : targets) {
                    for (byte[] piece : forged) {
                        if (target.isConnected() && target.offer(new UnsafeBuffer(piece)) > 0) {
                            sent++;
                        }
                    }
                }
                System.out.println("forger: sent " + sent + " datagrams' worth so far, " + pieces.size()
                        + " captured pieces");
                Thread.sleep(200);
            }
        }
    }

    /** DLSpark's pieces in a pcap capture of Aeron UDP traffic on loopback (Ethernet framing). */
    static List<byte[]> pieces(byte[] pcap) {
        List<byte[]> pieces = new ArrayList<>();
        Map<Integer, java.io.ByteArrayOutputStream> open = new HashMap<>();
        ByteBuffer in = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        if (pcap.length < 24) {
            return pieces;
        }
        in.position(24);
        while (in.remaining() >= 16) {
            in.getInt();
            in.getInt();
            int captured = in.getInt();
            in.getInt();
            if (captured > in.remaining()) {
                break;
            }
            byte[] packet = new byte[captured];
            in.get(packet);
            int udp = 14 + (packet[14] & 0x0f) * 4;
            frames(packet, udp + 8, open, pieces);
        }
        return pieces;
    }

    /** Reads the Aeron frames of one datagram, completing pieces whose last fragment it holds. */
    private static void frames(byte[] packet, int start, Map<Integer, java.io.ByteArrayOutputStream> open,
            List<byte[]> pieces) {
        ByteBuffer frames = ByteBuffer.wrap(packet).order(ByteOrder.LITTLE_ENDIAN);
        int offset = start;
        while (offset + FRAME_HEADER <= packet.length) {
            int length = frames.getInt(offset);
            int flags = frames.get(offset + 5) & 0xff;
            int type = frames.getShort(offset + 6) & 0xffff;
            int session = frames.getInt(offset + 12);
            if (length <= 0 || offset + length > packet.length) {
                return;
            }
            if (type == DATA && length > FRAME_HEADER) {
                if ((flags & BEGIN) != 0) {
                    open.put(session, new java.io.ByteArrayOutputStream());
                }
                java.io.ByteArrayOutputStream piece = open.get(session);
                if (piece != null) {
                    piece.write(packet, offset + FRAME_HEADER, length - FRAME_HEADER);
                    if ((flags & END) != 0) {
                        pieces.add(piece.toByteArray());
                        open.remove(session);
                    }
                }
            }
            offset += (length + 31) & ~31;
        }
    }
}
