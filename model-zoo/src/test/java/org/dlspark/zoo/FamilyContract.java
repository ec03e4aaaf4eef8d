package org.dlspark.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every family must satisfy: it builds from its defaults, maps inputs to outputs of the expected shape,
 * passes DL4J's gradient check on a tiny configuration, overfits a tiny batch, and survives save and load.
 */
public abstract class FamilyContract {

    @TempDir
    Path dir;

    /** The family's registry name. */
    protected abstract String name();

    /** Overrides that make a tiny network of the family, for the gradient check and the overfitting test. */
    protected abstract Map<String, Object> tiny();

    /** A small batch the network of {@code model} takes, with targets (and masks where the input has them). */
    protected abstract DataSet batch(ZooModel model, int size);

    /** The output shape for a batch of {@code size} examples of the default model. */
    protected abstract long[] outputShape(int size);

    /**
     * The configuration the gradient check runs on: {@code model}'s, which DL4J's check needs optimised by plain
     * SGD at learning rate 1 throughout.
     */
    protected ComputationGraphConfiguration gradientCheckConfiguration(ZooModel model) {
        return model.configuration();
    }

    /** Training iterations the tiny network gets to overfit its batch. */
    protected int overfitIterations() {
        return 300;
    }

    @Test
    void buildsFromDefaultsAndProducesTheExpectedShape() {
        ZooModel model = ModelZoo.create(name());
        ComputationGraph network = model.build();
        assertTrue(network.numParams() > 0);
        DataSet batch = batch(model, 3);
        assertArrayEquals(outputShape(3), output(network, batch).shape());
    }

    @Test
    void gradientCheckPassesOnATinyConfiguration() {
        Map<String, Object> tiny = new java.util.HashMap<>(tiny());
        tiny.put("updater", "sgd");
        tiny.put("learningRate", 1.0);
        DataType defaultType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            ZooModel model = ModelZoo.create(name(), tiny);
            ComputationGraphConfiguration configuration = gradientCheckConfiguration(model);
            configuration.setDataType(DataType.DOUBLE);
            ComputationGraph network = new ComputationGraph(configuration);
            network.init();
            // Checked near, not at, the initial point: with zero biases, some ReLU units sit exactly on the kink.
            Nd4j.getRandom().setSeed(12345);
            network.setParams(network.params().add(Nd4j.randn(DataType.DOUBLE, 1, network.numParams()).muli(0.1)));
            DataSet batch = batch(model, 4);
            INDArray mask = batch.getFeaturesMaskArray();
            boolean passed = GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(network)
                    .inputs(new INDArray[] {batch.getFeatures()}).labels(new INDArray[] {batch.getLabels()})
                    .inputMask(mask == null ? null : new INDArray[] {mask}).excludeParams(runningStatistics(network))
                    .epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).subset(true).maxPerParam(20));
            assertTrue(passed, name() + ": gradient check failed");
        } finally {
            Nd4j.setDefaultDataTypes(defaultType, defaultType);
        }
    }

    @Test
    void overfitsATinyBatch() {
        Map<String, Object> tiny = new java.util.HashMap<>(tiny());
        tiny.put("learningRate", 0.01);
        ZooModel model = ModelZoo.create(name(), tiny);
        ComputationGraph network = model.build();
        DataSet batch = batch(model, 8);
        double before = network.score(batch);
        for (int i = 0; i < overfitIterations(); i++) {
            network.fit(batch);
        }
        double after = network.score(batch);
        assertTrue(after <= 0.1 * before, name() + ": loss went from " + before + " to " + after
                + ", not down by 90%");
    }

    @Test
    void parameterTableFollowsTheFlattenedParameterVector() {
        ComputationGraph network = ModelZoo.create(name(), tiny()).build();
        long offset = network.params().offset();
        for (Map.Entry<String, INDArray> param : network.paramTable().entrySet()) {
            assertEquals(offset, param.getValue().offset(), param.getKey() + " is out of order");
            offset += param.getValue().length();
        }
        assertEquals(network.numParams(), offset - network.params().offset());
    }

    @Test
    void saveAndLoadGiveIdenticalOutputs() throws IOException {
        ZooModel model = ModelZoo.create(name(), tiny());
        ComputationGraph network = model.build();
        DataSet batch = batch(model, 4);
        File file = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(network, file, true);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(file, true);
        assertEquals(output(network, batch), output(loaded, batch));
    }

    /** Batch normalisation's running mean and variance: estimates updated in training, not trained by gradient. */
    private static Set<String> runningStatistics(ComputationGraph network) {
        return network.paramTable().keySet().stream()
                .filter(key -> key.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)
                        || key.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)
                        || key.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD))
                .collect(Collectors.toSet());
    }

    private static INDArray output(ComputationGraph network, DataSet batch) {
        INDArray mask = batch.getFeaturesMaskArray();
        return network.output(false, new INDArray[] {batch.getFeatures()}, mask == null ? null : new INDArray[] {mask})[0];
    }
}
