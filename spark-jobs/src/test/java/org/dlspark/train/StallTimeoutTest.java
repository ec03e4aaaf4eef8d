package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StallTimeoutTest {

    @Test
    void theDefaultWaitsTenMediansAndAtLeastTwoMinutes() {
        assertEquals(120, StallTimeout.AUTO.limitSeconds(OptionalDouble.empty()));
        assertEquals(120, StallTimeout.AUTO.limitSeconds(OptionalDouble.of(0.05)));
        assertEquals(300, StallTimeout.AUTO.limitSeconds(OptionalDouble.of(30)));
    }

    @Test
    void aFixedTimeoutIgnoresTheMedian() {
        StallTimeout fixed = StallTimeout.parse("15");
        assertEquals(15, fixed.limitSeconds(OptionalDouble.of(30)));
        assertEquals(2.5, StallTimeout.parse("2.5").limitSeconds(OptionalDouble.empty()));
        assertEquals(StallTimeout.AUTO, StallTimeout.parse("auto"));
    }

    @Test
    void badValuesNameTheOption() {
        for (String bad : new String[] {"0", "0.5", "-3", "soon"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> StallTimeout.parse(bad));
            assertTrue(e.getMessage().contains("--stall-timeout"), e.getMessage());
        }
    }
}
