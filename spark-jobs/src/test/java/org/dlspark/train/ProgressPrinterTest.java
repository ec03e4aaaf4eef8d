package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void printsOneLinePerEpochWithLossAccuracyThroughputAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5)
                .epochDone(new EpochReport(2, 0.31234, Score.ACCURACY, 0.8871, null, 341.6, 176.2, 3725));
        assertEquals("epoch 2/5  loss 0.3123  test accuracy 0.8871  342 examples/s  2m56s  ETA 1h02m05s\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheAutoencodersPsnrInDecibels() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3)
                .epochDone(new EpochReport(1, 0.01234, Score.PSNR, 21.456, 21.5, 900, 66, 132));
        assertEquals("epoch 1/3  loss 0.0123  test PSNR 21.46 dB  validation PSNR 21.50 dB  900 examples/s  1m06s  "
                + "ETA 2m12s\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
