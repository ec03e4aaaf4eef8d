package org.dlspark.train.sharing;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * One worker's step on one minibatch, stopped before the parameters change: the gradient, passed through the
 * network's updater (learning rate, momentum or Adam state, regularisation), is the update that the parameters
 * would lose. Gradient sharing sends it instead of applying it.
 *
 * @param update the update as a dense vector, one entry per parameter
 * @param loss the minibatch's loss
 */
record LocalUpdate(float[] update, double loss) {

    /** Computes the update of {@code network} for {@code batch}, advancing its iteration counter. */
    static LocalUpdate compute(ComputationGraph network, DataSet batch) {
        network.setInputs(batch.getFeatures());
        network.setLabels(batch.getLabels());
        network.setLayerMaskArrays(mask(batch.getFeaturesMaskArray()), mask(batch.getLabelsMaskArray()));
        network.computeGradientAndScore();
        double loss = network.score();
        Gradient gradient = network.gradient();
        ComputationGraphConfiguration configuration = network.getConfiguration();
        network.getUpdater().update(gradient, configuration.getIterationCount(), configuration.getEpochCount(),
                batch.numExamples(), LayerWorkspaceMgr.noWorkspaces());
        float[] update = gradient.gradient().toFloatVector();
        network.clearLayerMaskArrays();
        configuration.setIterationCount(configuration.getIterationCount() + 1);
        return new LocalUpdate(update, loss);
    }

    private static INDArray[] mask(INDArray mask) {
        return mask == null ? null : new INDArray[] {mask};
    }
}
