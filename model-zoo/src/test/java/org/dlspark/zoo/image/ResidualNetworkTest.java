package org.dlspark.zoo.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class ResidualNetworkTest extends FamilyContract {

    @Override
    protected String name() {
        return "resnet";
    }

    @Override
    protected Map<String, Object> tiny() {
        return Map.of("filters", 2, "stages", 2, "blocksPerStage", 1, "l2", 0.0, "dropout", 0.0);
    }

    @Override
    protected DataSet batch(ZooModel model, int size) {
        Nd4j.getRandom().setSeed(size);
        return new DataSet(Nd4j.rand(size, 1, 28, 28), KerasCnnTest.oneHot(size, 10));
    }

    @Override
    protected long[] outputShape(int size) {
        return new long[] {size, 10};
    }

    @Test
    void hasIdentityAndProjectionShortcutsAndBatchNorm() {
        ComputationGraph network = ModelZoo.create("resnet").build();
        var vertices = network.getConfiguration().getVertices();
        assertTrue(vertices.get("s1b1_add") instanceof ElementWiseVertex);
        // identity: the block's input feeds the addition directly; projection: a strided 1x1 conv and batch norm
        assertTrue(network.getConfiguration().getVertexInputs().get("s1b1_add").contains("stem_pool"));
        assertTrue(network.getConfiguration().getVertexInputs().get("s2b1_add").contains("s2b1_proj_bn"));
        assertTrue(((LayerVertex) vertices.get("s2b1_proj_bn")).getLayerConf().getLayer()
                instanceof BatchNormalization);
        Map<String, INDArray> activations = network.feedForward(Nd4j.rand(1, 1, 28, 28), false);
        assertArrayEquals(new long[] {1, 32, 14, 14}, activations.get("s1b1").shape());
        assertArrayEquals(new long[] {1, 64, 7, 7}, activations.get("s2b1").shape());
        // the softmax layer sees every position of the last feature maps: 7 x 7 x 64 inputs
        assertTrue(network.getConfiguration().getVertexInputs().get("output").contains("s2b1"));
        assertEquals(7 * 7 * 64 * 10, network.getParam("output_W").length());
    }

    @Test
    void withoutStemPoolingTheFirstStageKeeps28x28AndGlobalPoolingAveragesEachMap() {
        ComputationGraph network = ModelZoo.create("resnet", Map.of("stemPooling", false, "stages", 3,
                "blocksPerStage", 2, "filters", 4, "globalPooling", true)).build();
        Map<String, INDArray> activations = network.feedForward(Nd4j.rand(1, 1, 28, 28), false);
        assertArrayEquals(new long[] {1, 4, 28, 28}, activations.get("s1b2").shape());
        assertArrayEquals(new long[] {1, 8, 14, 14}, activations.get("s2b2").shape());
        assertArrayEquals(new long[] {1, 16, 7, 7}, activations.get("s3b2").shape());
        assertArrayEquals(new long[] {1, 16}, activations.get("pool").shape());
    }
}
