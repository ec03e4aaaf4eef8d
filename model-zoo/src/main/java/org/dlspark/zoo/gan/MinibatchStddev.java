package org.dlspark.zoo.gan;

import java.util.Collection;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dlspark.zoo.LayerWiring;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a minibatch standard deviation layer (Karras et al., 2018, "Progressive growing of GANs"): it
 * appends to convolutional feature maps {@code [batch, channels, height, width]} one more channel holding, for every
 * example, the mean over all features of their standard deviation across the minibatch. A discriminator that sees
 * it can tell a batch of near-identical generated images from a varied real one, so a generator that collapses to a
 * few kinds of image is pushed back towards variety. It has no parameters; {@link MinibatchStddevLayer} computes it.
 */
public final class MinibatchStddev extends NoParamLayer {

    private static final long serialVersionUID = 1L;

    /** For DL4J's JSON deserialisation and {@link Builder}. */
    public MinibatchStddev() {
    }

    private MinibatchStddev(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize,
            DataType dataType) {
        return LayerWiring.wire(new MinibatchStddevLayer(conf, dataType), conf, listeners, index, paramsView,
                initialize);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional maps)) {
            throw new IllegalArgumentException("layer " + getLayerName() + " takes convolutional feature maps, got "
                    + inputType);
        }
        return InputType.convolutional(maps.getHeight(), maps.getWidth(), maps.getChannels() + 1);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        return new LayerMemoryReport.Builder(layerName, getClass(), inputType, getOutputType(-1, inputType))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** Builds the layer; it has nothing to set. */
    public static final class Builder extends org.deeplearning4j.nn.conf.layers.Layer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public MinibatchStddev build() {
            return new MinibatchStddev(this);
        }
    }
}
