package org.dlspark.zoo.rbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.zoo.DataParallel;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.HyperparameterException;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class DeepBeliefNetworkTest extends FamilyContract {

    @Override
    protected String name() {
        return "dbn";
    }

    @Override
    protected Map<String, Object> tiny() {
        return Map.of("hiddenSizes", List.of(16, 12), "pretrainEpochs", 2);
    }

    @Override
    protected DataSet batch(ZooModel model, int size) {
        Nd4j.getRandom().setSeed(size);
        INDArray labels = Nd4j.zeros(size, 10);
        for (int i = 0; i < size; i++) {
            labels.putScalar(i, i % 10, 1);
        }
        return new DataSet(Nd4j.rand(size, 1, 28, 28), labels);
    }

    @Override
    protected long[] outputShape(int size) {
        return new long[] {size, 10};
    }

    @Test
    void pretrainingPutsEachMachinesWeightsIntoItsLayer() {
        ZooModel model = ModelZoo.create("dbn", tiny());
        ComputationGraph network = model.build();
        INDArray initial = network.getLayer("hidden2").getParam("W").dup();
        List<INDArray> images = List.of(Nd4j.rand(16, 1, 28, 28), Nd4j.rand(16, 1, 28, 28));
        model.pretrain(network, DataParallel.inThisJvm(images::iterator));
        INDArray pretrained = network.getLayer("hidden2").getParam("W");
        assertNotEquals(initial, pretrained);
        assertEquals(List.of(16L, 12L), List.of(pretrained.size(0), pretrained.size(1)));
        assertTrue(network.outputSingle(images.get(0)).sumNumber().doubleValue() > 15.99);
    }

    @Test
    void emptyLayerListIsRefused() {
        assertEquals("dbn: hyperparameter 'hiddenSizes' must list at least one layer size",
                org.junit.jupiter.api.Assertions.assertThrows(HyperparameterException.class,
                        () -> ModelZoo.create("dbn", Map.of("hiddenSizes", List.of()))).getMessage());
    }
}
