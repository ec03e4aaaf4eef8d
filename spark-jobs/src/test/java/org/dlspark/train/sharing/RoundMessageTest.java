package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class RoundMessageTest {

    @Test
    void travelsWithItsLossAndUpdate() {
        RoundMessage message = new RoundMessage(64, 1.25, new SparseUpdate(new int[] {3, 7}, new float[] {0.5f, -2}));
        byte[] bytes = message.toBytes();
        assertEquals(12 + message.update().toBytes().length, bytes.length);
        assertEquals(message, RoundMessage.fromBytes(bytes, 10));
    }

    @Test
    void refusesMalformedBytes() {
        assertThrows(IllegalArgumentException.class, () -> RoundMessage.fromBytes(new byte[5], 10));
        byte[] negative = ByteBuffer.allocate(16).putInt(-1).putDouble(0).putInt(0).array();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RoundMessage.fromBytes(negative, 10))
                .getMessage().contains("-1 examples"));
        byte[] outside = new RoundMessage(1, 0, new SparseUpdate(new int[] {10}, new float[] {1})).toBytes();
        assertThrows(IllegalArgumentException.class, () -> RoundMessage.fromBytes(outside, 10));
    }
}
