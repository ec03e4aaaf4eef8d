package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.dlspark.io.Json;
import org.junit.jupiter.api.Test;

class EpochReportTest {

    @Test
    void namesAClassifiersScoresAccuracyAndReadsThemBack() throws IOException {
        EpochReport report = new EpochReport(3, 0.25, Score.ACCURACY, 0.875, 0.9, 1200, 50, 100);
        String line = Json.toText(report);
        assertEquals("{\"epoch\":3,\"loss\":0.25,\"examplesPerSecond\":1200.0,\"trainSeconds\":50.0,"
                + "\"etaSeconds\":100.0,\"testAccuracy\":0.875,\"validationAccuracy\":0.9}", line);
        assertEquals(report, Json.parse(line, EpochReport.class));
    }

    @Test
    void namesTheAutoencodersScorePsnrAndLeavesOutAMissingValidation() throws IOException {
        EpochReport report = new EpochReport(1, 0.02, Score.PSNR, 21.5, null, 900, 60, 0);
        String line = Json.toText(report);
        assertEquals("{\"epoch\":1,\"loss\":0.02,\"examplesPerSecond\":900.0,\"trainSeconds\":60.0,"
                + "\"etaSeconds\":0.0,\"testPsnr\":21.5}", line);
        assertEquals(report, Json.parse(line, EpochReport.class));
    }

    @Test
    void refusesALineWithoutATestScore() {
        assertThrows(IOException.class, () -> Json.parse("{\"epoch\":1,\"loss\":0.02,\"examplesPerSecond\":1,"
                + "\"trainSeconds\":1,\"etaSeconds\":0}", EpochReport.class));
    }
}
