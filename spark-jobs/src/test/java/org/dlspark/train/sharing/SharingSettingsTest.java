package org.dlspark.train.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.dlspark.train.StallTimeout;
import org.junit.jupiter.api.Test;

class SharingSettingsTest {

    @Test
    void byDefaultOnePercentButAtLeastAThousandEntries() {
        SharingSettings defaults = SharingSettings.DEFAULTS;
        assertEquals(0.01, defaults.densityFor(1_313_154), 1e-12);
        assertEquals(0.01, defaults.densityFor(100_000), 1e-12);
        assertEquals(1000.0 / 3721, defaults.densityFor(3721), 1e-12);
        assertEquals(1.0, defaults.densityFor(500), 1e-12);
    }

    @Test
    void aGivenDensityIsKeptWhateverTheSize() {
        SharingSettings given = new SharingSettings(0.05, Duration.ofSeconds(30), StallTimeout.AUTO);
        assertEquals(0.05, given.densityFor(3721), 1e-12);
        assertEquals("5.00%", given.describeDensity());
        assertEquals("1% (at least 1000 entries)", SharingSettings.DEFAULTS.describeDensity());
    }
}
