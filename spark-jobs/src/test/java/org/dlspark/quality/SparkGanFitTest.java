package org.dlspark.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.dlspark.zoo.gan.GanTraining;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SparkGanFitTest {

    /**
     * Adam scales its steps by the iteration count: the driver must take the workers' count with their averaged
     * weights, or every round restarts at iteration 0 with steps a fifteenth of their size.
     */
    @Test
    void theDriverTakesTheWorkersIterationCountWithTheAverage() throws Exception {
        // the default sizes: the workers build the default gan
        ZooModel model = ModelZoo.create("gan", Map.of());
        GanTraining training = new GanTraining(model, model.build());
        List<INDArray> images = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            images.add(Nd4j.rand(4, 1, 28, 28));
        }
        try (SparkGanFit fit = new SparkGanFit(training, images, 42, "local[2]", 2)) {
            fit.fitEpoch(1);
        }
        // 6 minibatches a worker: 6 generator steps, each after 2 discriminator steps (real, then generated images)
        assertEquals(6, training.network().getConfiguration().getIterationCount());
        assertEquals(12, training.discriminator().getConfiguration().getIterationCount());
    }
}
