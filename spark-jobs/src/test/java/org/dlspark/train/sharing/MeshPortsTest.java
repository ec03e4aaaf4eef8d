package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import org.apache.spark.SparkConf;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;

class MeshPortsTest {

    private static MeshPorts of(String setting) {
        return MeshPorts.of(new SparkConf(false).set(MeshPorts.SETTING, setting));
    }

    @Test
    void workersStartAtTheirRankInTheRangeAndTakeTheNextFreePort() {
        MeshPorts ports = of("47310-47312");
        try (DatagramSocket second = ports.open("127.0.0.1", 1);
                DatagramSocket third = ports.open("127.0.0.1", 1);
                DatagramSocket first = ports.open("127.0.0.1", 1)) {
            assertEquals(47311, second.getLocalPort());
            assertEquals(47312, third.getLocalPort());
            assertEquals(47310, first.getLocalPort(), "wrapped around");
            UncheckedIOException full = assertThrows(UncheckedIOException.class, () -> ports.open("127.0.0.1", 0));
            assertTrue(full.getMessage().contains("every UDP port of spark.dlspark.mesh.ports=47310-47312"),
                    full.getMessage());
        }
    }

    @Test
    void aJvmTakesUpAPortOfTheRangeItReleasedWhileItsWorkersHoldDifferentOnes() {
        MeshPorts ports = of("47320-47323");
        MeshPeer first = ports.pick("127.0.0.1", 0);
        MeshPeer second = ports.pick("127.0.0.1", 0);
        assertTrue(first.port() != second.port(), first + " and " + second);
        MeshPorts.release(first.port());
        // Held by no worker now, though a media driver might still hold it: taken up again without a bind test.
        try (DatagramSocket held = new DatagramSocket(first.port())) {
            assertEquals(first, ports.pick("127.0.0.1", 1));
        } catch (java.net.SocketException e) {
            throw new AssertionError(e);
        } finally {
            MeshPorts.release(first.port());
            MeshPorts.release(second.port());
        }
    }

    @Test
    void withoutTheSettingAnyFreePortWillDo() {
        assertEquals(MeshPorts.ANY, MeshPorts.of(new SparkConf(false)));
        assertTrue(MeshPorts.ANY.pick("127.0.0.1", 3).port() > 0);
    }

    @Test
    void aMalformedRangeIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"47000", "47010-47000", "80-90", "a-b", "47000-70000"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> of(bad), bad);
            assertTrue(e.getMessage().contains(MeshPorts.SETTING), e.getMessage());
        }
    }
}
