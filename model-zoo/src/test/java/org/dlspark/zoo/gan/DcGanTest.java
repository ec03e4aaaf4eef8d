package org.dlspark.zoo.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The combined graph meets the family contract (its training step is the generator's: noise in, "real" targets);
 * the discriminator and the alternating steps are tested on their own.
 */
class DcGanTest extends FamilyContract {

    private static final Map<String, Object> TINY = Map.of("latentSize", 4, "generatorFilters", 2,
            "discriminatorFilters", 2);

    @Override
    protected String name() {
        return "gan";
    }

    @Override
    protected Map<String, Object> tiny() {
        return TINY;
    }

    @Override
    protected DataSet batch(ZooModel model, int size) {
        DcGan.Architecture architecture = (DcGan.Architecture) model.architecture();
        Nd4j.getRandom().setSeed(size);
        return new DataSet(Nd4j.randn(size, architecture.latentSize()), Nd4j.ones(size, 1));
    }

    @Override
    protected long[] outputShape(int size) {
        return new long[] {size, 1};
    }

    /** The combined graph with its frozen discriminator layers at SGD's learning rate 1, as the check needs. */
    @Override
    protected ComputationGraphConfiguration gradientCheckConfiguration(ZooModel model) {
        ComputationGraphConfiguration configuration = model.configuration();
        for (String layer : DcGan.DISCRIMINATOR_LAYERS) {
            LayerVertex vertex = (LayerVertex) configuration.getVertices().get(layer);
            ((BaseLayer) vertex.getLayerConf().getLayer()).setIUpdater(new Sgd(1.0));
        }
        return configuration;
    }

    @Test
    void generatesImagesOfTheDataShapeInTheUnitRange() {
        ZooModel model = ModelZoo.create(name());
        GanTraining training = new GanTraining(model, model.build());
        INDArray images = training.generate(training.noise(3));
        assertArrayEquals(new long[] {3, 1, 28, 28}, images.shape());
        assertTrue(images.minNumber().doubleValue() >= 0 && images.maxNumber().doubleValue() <= 1);
    }

    @Test
    void discriminatorLearnsToTellRealImagesFromGeneratedOnes() {
        ZooModel model = ModelZoo.create(name(), Map.of("learningRate", 0.01));
        GanTraining training = new GanTraining(model, model.build());
        INDArray real = Nd4j.rand(8, 1, 28, 28).muli(0.5);
        DataSet batch = new DataSet(Nd4j.concat(0, real, training.generate(training.noise(8))),
                Nd4j.concat(0, Nd4j.ones(8, 1), Nd4j.zeros(8, 1)));
        ComputationGraph discriminator = training.discriminator();
        double before = discriminator.score(batch);
        for (int i = 0; i < 100; i++) {
            discriminator.fit(batch);
        }
        assertTrue(discriminator.score(batch) <= 0.1 * before, "loss " + before + " -> " + discriminator.score(batch));
    }

    @Test
    void eachStepTrainsTheGeneratorAndKeepsTheCombinedDiscriminatorInSync() {
        ZooModel model = ModelZoo.create(name(), TINY);
        ComputationGraph gan = model.build();
        GanTraining training = new GanTraining(model, gan);
        INDArray generatorBefore = gan.getLayer("g_dense").params().dup();
        INDArray discriminatorBefore = gan.getLayer("d_out").params().dup();
        IntFunction<DataSet> fits = training.fits(Nd4j.rand(4, 1, 28, 28));
        for (int position = 0; position < GanTraining.FIT_NETWORKS.size(); position++) {
            boolean generator = GanTraining.FIT_NETWORKS.get(position) == 0;
            if (generator) {
                training.synchronise();
            }
            ComputationGraph network = generator ? gan : training.discriminator();
            network.fit(fits.apply(position));
            assertTrue(Double.isFinite(network.score()), "fit " + position);
        }
        training.synchronise();
        assertNotEquals(generatorBefore, gan.getLayer("g_dense").params());
        assertNotEquals(discriminatorBefore, gan.getLayer("d_out").params());
        for (String layer : DcGan.DISCRIMINATOR_LAYERS) {
            assertEquals(training.discriminator().getLayer(layer).params(), gan.getLayer(layer).params(), layer);
        }
    }
}
