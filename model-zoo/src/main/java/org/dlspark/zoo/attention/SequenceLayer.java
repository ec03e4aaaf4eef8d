package org.dlspark.zoo.attention;

import java.util.Collection;
import java.util.List;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.dlspark.zoo.LayerWiring;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a layer that maps a sequence {@code [batch, width, time]} (DL4J's NCW recurrent format) to a
 * sequence of the same shape, with the parameters it declares. The zoo's transformer is built from these; each
 * subclass names its parameters and the layer that computes it, with a hand-written backward pass.
 */
public abstract class SequenceLayer extends FeedForwardLayer {

    /** For DL4J's JSON deserialisation. */
    protected SequenceLayer() {
    }

    protected SequenceLayer(Builder<?> builder) {
        super(builder);
    }

    /** The trainable arrays, in the order they sit in the flattened parameter vector. */
    public abstract List<ParameterSpec> parameters();

    /** The layer computing this configuration. */
    protected abstract org.deeplearning4j.nn.layers.BaseLayer<?> createLayer(NeuralNetConfiguration conf,
            DataType dataType);

    /** The sequence width: features per time step, in and out. */
    public int width() {
        return (int) getNOut();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int index, INDArray paramsView, boolean initialize,
            DataType dataType) {
        return LayerWiring.wire(createLayer(conf, dataType), conf, listeners, index, paramsView, initialize);
    }

    @Override
    public ParamInitializer initializer() {
        return DeclaredParameters.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        long length = inputType instanceof InputType.InputTypeRecurrent recurrent
                ? recurrent.getTimeSeriesLength() : -1;
        return InputType.recurrent(getNOut(), length);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        long params = initializer().numParams(this);
        return new LayerMemoryReport.Builder(layerName, getClass(), inputType, getOutputType(-1, inputType))
                .standardMemory(params, params).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    /** Builds a sequence layer of a given width ({@code nIn = nOut}). */
    public abstract static class Builder<T extends Builder<T>> extends FeedForwardLayer.Builder<T> {

        /** Features per time step, in and out. */
        @SuppressWarnings("unchecked")
        public T width(int width) {
            nIn(width);
            nOut(width);
            return (T) this;
        }
    }
}
