package org.dlspark.zoo.attention;

import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J layer whose forward and backward passes are written by hand with ND4J operations (no SameDiff, whose
 * gradients are wrong in DL4J 1.0.0-M2). Subclasses compute the output from the input and the time-step mask, and
 * the input gradient plus the parameter gradients from the output gradient; this class does DL4J's bookkeeping.
 * The backward pass recomputes what it needs from the input, so nothing is cached between the two passes.
 */
abstract class ManualGradientLayer<C extends SequenceLayer> extends BaseLayer<C> {

    ManualGradientLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /**
     * The output for {@code input}.
     *
     * @param mask {@code [batch, time]}, 1 for real time steps and 0 for padding; null when every step is real
     */
    protected abstract INDArray forward(INDArray input, INDArray mask);

    /**
     * The gradient of the loss with respect to {@code input}, given its gradient with respect to the output;
     * writes each parameter's gradient into {@code gradients} (views to assign into, keyed by parameter name).
     */
    protected abstract INDArray backward(INDArray input, INDArray mask, INDArray outputGradient,
            Map<String, INDArray> gradients);

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaces);
        return workspaces.leverageTo(ArrayType.ACTIVATIONS, forward(input.castTo(dataType), maskArray));
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        assertInputSet(true);
        INDArray inputGradient = backward(input.castTo(dataType), maskArray, epsilon, gradientViews);
        Gradient gradient = new DefaultGradient(gradientsFlattened);
        for (String key : layerConf().initializer().paramKeys(layerConf())) {
            gradient.setGradientFor(key, gradientViews.get(key));
        }
        INDArray propagated = backpropDropOutIfPresent(inputGradient);
        return new Pair<>(gradient, workspaces.leverageTo(ArrayType.ACTIVATION_GRAD, propagated));
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public boolean hasBias() {
        return false;
    }
}
