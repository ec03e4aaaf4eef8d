package org.dlspark.zoo.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The moving average follows the generator at its half-life and copies the discriminator. */
class GeneratorAverageTest {

    private static final Map<String, Object> TINY = Map.of("latentSize", 4, "generatorFilters", 2,
            "discriminatorFilters", 2);

    @Test
    void averagesTheGeneratorLayersOnly() {
        ComputationGraph gan = ModelZoo.create("gan", TINY).build();
        assertEquals(List.of("g_dense", "g_dense_bn", "g_up1", "g_up1_bn", DcGan.GENERATED),
                new GeneratorAverage(gan).generatorLayers());
    }

    @Test
    void movesHalfWayAfterItsHalfLifeAndCopiesTheDiscriminator() {
        ZooModel model = ModelZoo.create("gan", TINY);
        ComputationGraph gan = model.build();
        GeneratorAverage average = new GeneratorAverage(gan);
        INDArray before = gan.getLayer("g_dense").params().dup();
        GanTraining training = new GanTraining(model, gan);
        training.step(Nd4j.rand(4, 1, 28, 28));
        INDArray after = gan.getLayer("g_dense").params().dup();
        assertNotEquals(before, after);

        average.update(gan, (long) GeneratorAverage.HALF_LIFE_IMAGES);

        INDArray halfWay = before.add(after).divi(2);
        assertArrayEquals(halfWay.toDoubleVector(), average.network().getLayer("g_dense").params().toDoubleVector(),
                1e-6);
        for (String layer : DcGan.DISCRIMINATOR_LAYERS) {
            assertEquals(gan.getLayer(layer).params(), average.network().getLayer(layer).params(), layer);
        }
        INDArray noise = training.noise(3);
        assertArrayEquals(new long[] {3, 1, 28, 28}, average.generate(noise).shape());
    }
}
