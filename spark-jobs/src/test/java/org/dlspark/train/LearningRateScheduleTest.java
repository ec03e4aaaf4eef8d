package org.dlspark.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.ModelZoo;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

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

    @Test
    void appliesToEveryClassifierIncludingThoseWithBatchNorm() {
        // DL4J's setLearningRate threw a NullPointerException on resnet (batch norm) before applyTo stopped using it
        for (String name : new String[] {"resnet", "rnn", "lstm", "attention", "dbn"}) {
            ComputationGraph network = ModelZoo.create(name, Map.of()).build();
            LearningRateSchedule.parse("exponential:0.5").applyTo(network);
            String layer = network.getConfiguration().getNetworkOutputs().get(0);
            double initial = rate(network, layer, 0, 0);
            assertEquals(initial * 0.25, rate(network, layer, 0, 2), 1e-12, name);
        }
    }

    @Test
    void trainingStepsUseTheScheduledRate() {
        // after one epoch a factor of 1e-6 leaves Adam's steps a millionth of their size: the updater reads the
        // schedule, not a copy of the configured rate
        Map<String, Object> tiny = Map.of("filters", 2, "stages", 1, "blocksPerStage", 1);
        DataSet batch = new DataSet(Nd4j.rand(4, 1, 28, 28), Nd4j.eye(10).getRows(0, 1, 2, 3));
        double[] change = new double[2];
        for (int scheduled = 0; scheduled < 2; scheduled++) {
            ComputationGraph network = ModelZoo.create("resnet", tiny).build();
            if (scheduled == 1) {
                LearningRateSchedule.parse("exponential:0.000001").applyTo(network);
            }
            network.getConfiguration().setEpochCount(1);
            INDArray before = network.getParam("stem_conv_W").dup();
            network.fit(batch);
            change[scheduled] = network.getParam("stem_conv_W").sub(before).norm2Number().doubleValue();
        }
        assertTrue(change[1] < change[0] * 1e-3, "unscheduled " + change[0] + ", scheduled " + change[1]);
    }

    private static double rate(ComputationGraph network, String layer, int iteration, int epoch) {
        return ((BaseLayer) network.getLayer(layer).conf().getLayer()).getIUpdater().getLearningRate(iteration, epoch);
    }
}
