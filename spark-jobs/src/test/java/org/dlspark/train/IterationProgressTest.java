package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IterationProgressTest {

    @Test
    void printsTheEpochIterationMeanLossAndTimeLeftButNotAtTheEpochsEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IterationProgress progress = new IterationProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2,
                3, 0);
        for (int epoch = 1; epoch <= 2; epoch++) {
            progress.epochStarted(epoch);
            for (int i = 1; i <= 3; i++) {
                progress.iterationDone(10, i);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(4, lines.length, String.join("\n", lines));
        assertTrue(lines[1].startsWith("epoch 1/2  iteration 2/3  loss 1.5000  "), lines[1]);
        assertTrue(lines[3].startsWith("epoch 2/2  iteration 2/3  loss 1.5000  ") && lines[3].contains("ETA"),
                lines[3]);
    }

    @Test
    void otherWorkersExamplesCountInTheThroughputNotInTheIterations() throws Exception {
        ByteArrayOutputStream alone = new ByteArrayOutputStream();
        ByteArrayOutputStream together = new ByteArrayOutputStream();
        IterationProgress one = new IterationProgress(new PrintStream(alone, true, StandardCharsets.UTF_8), 1, 3, 0);
        IterationProgress two = new IterationProgress(new PrintStream(together, true, StandardCharsets.UTF_8), 1, 3,
                0);
        one.epochStarted(1);
        two.epochStarted(1);
        Thread.sleep(50);
        one.iterationDone(1000, 1);
        two.examplesDone(1000);
        two.iterationDone(1000, 1);
        double rateAlone = Double.parseDouble(alone.toString(StandardCharsets.UTF_8).split("  ")[3].split(" ")[0]);
        String line = together.toString(StandardCharsets.UTF_8);
        assertTrue(line.startsWith("epoch 1/1  iteration 1/3  loss 1.0000  "), line);
        double rateTogether = Double.parseDouble(line.split("  ")[3].split(" ")[0]);
        assertTrue(rateTogether > 1.6 * rateAlone, rateTogether + " against " + rateAlone);
    }
}
