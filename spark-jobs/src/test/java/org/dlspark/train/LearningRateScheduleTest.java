package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.ModelZoo;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void parsesTheCommandLineForms() {
        assertEquals(LearningRateSchedule.CONSTANT, LearningRateSchedule.parse("constant"));
        assertEquals(new LearningRateSchedule("step", 0.5, 2), LearningRateSchedule.parse("step:0.5:2"));
        assertEquals(new LearningRateSchedule("exponential", 0.9, 1), LearningRateSchedule.parse("exponential:0.9"));
    }

    @Test
    void malformedSchedulesNameTheOption() {
        for (String bad : new String[] {"cosine", "step:0.5", "exponential:x", "step:2:1", "step:0.5:0"}) {
            InvalidSettingException error = assertThrows(InvalidSettingException.class,
                    () -> LearningRateSchedule.parse(bad), bad);
            assertTrue(error.getMessage().startsWith("--lr-schedule: '" + bad + "'"), error.getMessage());
        }
    }

    @Test
    void scalesEachLayersRateByEpoch() {
        ComputationGraph network = ModelZoo.create("cnn", Map.of()).build();
        double initial = network.getLearningRate("dense6");
        LearningRateSchedule.parse("step:0.5:2").applyTo(network);
        for (String layer : new String[] {"conv1", "dense6", "output7"}) {
            assertEquals(initial, rate(network, layer, 0, 0), 1e-12, layer);
            assertEquals(initial * 0.5, rate(network, layer, 0, 2), 1e-12, layer);
            assertEquals(initial * 0.25, rate(network, layer, 100, 4), 1e-12, layer);
        }
    }

    private static double rate(ComputationGraph network, String layer, int iteration, int epoch) {
        return ((BaseLayer) network.getLayer(layer).conf().getLayer()).getIUpdater().getLearningRate(iteration, epoch);
    }
}
