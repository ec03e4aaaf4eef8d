package org.dlspark.zoo.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.HyperparameterException;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class TransformerTextClassifierTest extends FamilyContract {

    private static final Map<String, Object> TINY = Map.of("vocabularySize", 12, "maxLength", 6, "modelSize", 4,
            "heads", 2, "feedForwardSize", 5, "blocks", 2, "dropout", 0.0);

    @Override
    protected String name() {
        return "attention";
    }

    @Override
    protected Map<String, Object> tiny() {
        return TINY;
    }

    @Override
    protected DataSet batch(ZooModel model, int size) {
        return RecurrentTextClassifierTest.sequences(model, size);
    }

    @Override
    protected long[] outputShape(int size) {
        return new long[] {size, 2};
    }

    @Test
    void paddingDoesNotChangeTheOutput() {
        ComputationGraph network = ModelZoo.create(name(), TINY).build();
        DataSet batch = batch(ModelZoo.create(name(), TINY), 4);
        INDArray mask = batch.getFeaturesMaskArray();
        INDArray before = network.output(false, new INDArray[] {batch.getFeatures()}, new INDArray[] {mask})[0];
        INDArray otherPadding = batch.getFeatures().dup();
        otherPadding.muli(mask).addi(mask.rsub(1).muli(7));
        INDArray after = network.output(false, new INDArray[] {otherPadding}, new INDArray[] {mask})[0];
        assertEquals(before, after);
    }

    @Test
    void headsMustDivideTheModelSize() {
        HyperparameterException e = assertThrows(HyperparameterException.class,
                () -> ModelZoo.create(name(), Map.of("modelSize", 10, "heads", 3)));
        assertEquals("attention: hyperparameter 'heads' must divide modelSize 10, got 3", e.getMessage());
    }

    @Test
    void parameterCountMatchesTheArchitecture() {
        long d = 64;
        long perBlock = 2 * 2 * d + 4 * (d * d + d) + (d * 128 + 128) + (128 * d + d);
        long expected = 20_000 * d + d * 256 + 2 * perBlock + 2 * d + (d * 2 + 2);
        assertEquals(expected, ModelZoo.create(name()).build().numParams());
    }
}
