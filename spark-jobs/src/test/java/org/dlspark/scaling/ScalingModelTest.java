package org.dlspark.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.Test;

class ScalingModelTest {

    /** A two-worker sparse all-reduce run of the cnn as measured on loopback on 2026-12-07. */
    private static final MeasuredRun TWO = new MeasuredRun(Path.of("gs2"), "cnn", "gradient-sharing", 2, 64, 97.6,
            1.5, 12.4, 0.2, 8052, 373_288, "sparse all-reduce");
    private static final MeasuredRun AVERAGING = new MeasuredRun(Path.of("pa2"), "cnn", "parameter-averaging", 2, 64,
            95.0, 1.0, 30.0, 1.0, 150_000, 373_288, "parameter averaging");

    /** Jitter and host time per byte solve both calibrating runs: each is predicted exactly. */
    @Test
    void theCalibratingRunsArePredictedExactly() {
        ScalingModel model = ScalingModel.calibrate(TWO, AVERAGING, 5, Link.LOOPBACK);
        assertEquals(0, Validation.of(model, TWO, Link.LOOPBACK).error(), 1e-12);
        assertEquals(0, Validation.of(model, AVERAGING, Link.LOOPBACK).error(), 1e-12);
        double ratio = 95.0 / 97.6;
        assertEquals((30 - ratio * 12.4) / (150_000 - ratio * 8052) * 1e6, model.hostNanosPerByte(), 1e-6);
        ScalingModel sharingOnly = ScalingModel.calibrate(TWO, null, 5, Link.LOOPBACK);
        assertEquals(0, sharingOnly.hostNanosPerByte());
        assertEquals(12.4 / 97.6, sharingOnly.jitter(), 1e-12);
    }

    /** On a slow link, the sparse all-reduce's wire time grows with log2 of the workers, the mesh's with them. */
    @Test
    void wireTimeFollowsEachExchangesTraffic() {
        ScalingModel model = ScalingModel.calibrate(TWO, null, 5, Link.LOOPBACK);
        Link slow = Link.parse("2mbit", "--links");
        double one = model.predict(Exchange.SPARSE_ALL_REDUCE, 2, slow, 1).wireMillis();
        assertEquals(3 * one, model.predict(Exchange.SPARSE_ALL_REDUCE, 8, slow, 1).wireMillis(), 1e-9);
        assertEquals(7 * one, model.predict(Exchange.MESH, 8, slow, 1).wireMillis(), 1e-9);
        // 8,052 bytes in 6 Aeron frames of 74 bytes' overhead each, at 2 Mbit/s
        assertEquals(8 * (8052 + 6 * 74) / 2e6 * 1000, one, 1e-9);
        assertFalse(model.predicts(Exchange.PARAMETER_AVERAGING));
        Link delayed = Link.parse("10gbit/25us", "--links");
        double ring = model.predict(Exchange.DENSE_RING, 1024, delayed, 1).wireMillis();
        assertTrue(ring > 2 * 1023 * 0.025, "a ring of 1,024 waits through 2,046 delays: " + ring);
    }

    @Test
    void linksReadAsTcWritesThem() {
        assertEquals(new Link(2e6, 0), Link.parse("2mbit", "--links"));
        assertEquals(new Link(1e10, 25e-6), Link.parse("10gbit/25us", "--links"));
        assertEquals(new Link(1e8, 2e-3), Link.parse("100mbit/2ms", "--links"));
        assertEquals("10gbit/25us", Link.parse("10gbit/25us", "--links").label());
        assertEquals("10mbit/10ms", Link.parse("10mbit/10ms", "--links").label());
        assertEquals("loopback", Link.parse("loopback", "--links").label());
        InvalidSettingException bad = assertThrows(InvalidSettingException.class,
                () -> Link.parse("fast", "--links"));
        assertTrue(bad.getMessage().contains("--links"), bad.getMessage());
        assertThrows(InvalidSettingException.class, () -> Link.parse("0mbit", "--links"));
    }

    @Test
    void aCalibratingRunOfAnotherExchangeIsRefused() {
        MeasuredRun ring = new MeasuredRun(Path.of("ring"), "cnn", "gradient-sharing", 4, 32, 90, 1, 10, 1, 500_000,
                373_288, "dense ring all-reduce");
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> ScalingModel.calibrate(ring, null, 5, Link.LOOPBACK));
        assertTrue(refused.getMessage().contains("--sharing"), refused.getMessage());
    }
}
