package org.dlspark.zoo.attention;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Layer normalisation (Ba et al., 2016) of a sequence: each time step's feature vector is standardised to mean 0
 * and variance 1, then scaled by a learned gain and shifted by a learned bias.
 */
public final class LayerNormalization extends SequenceLayer {

    /** Parameter keys: the gain and the bias, {@code [width]} each. */
    public static final String GAIN = "g";
    public static final String BIAS = "b";

    private static final double EPSILON = 1e-5;

    private LayerNormalization() {
    }

    private LayerNormalization(Builder builder) {
        super(builder);
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.gain(GAIN, 1, width(), 1), ParameterSpec.bias(BIAS, 1, width(), 1));
    }

    @Override
    protected org.deeplearning4j.nn.layers.BaseLayer<?> createLayer(NeuralNetConfiguration conf, DataType type) {
        return new Computation(conf, type);
    }

    /** Builds a layer normalisation. */
    public static final class Builder extends SequenceLayer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public LayerNormalization build() {
            return new LayerNormalization(this);
        }
    }

    private static final class Computation extends ManualGradientLayer<LayerNormalization> {

        Computation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /** The standardised input, and the standard deviation of each time step, {@code [batch, 1, time]}. */
        private record Standardised(INDArray values, INDArray deviation) {
        }

        private static Standardised standardise(INDArray input) {
            INDArray centred = input.sub(input.mean(true, 1));
            INDArray deviation = Transforms.sqrt(Transforms.pow(centred, 2, true).mean(true, 1).addi(EPSILON), false);
            return new Standardised(centred.divi(deviation), deviation);
        }

        @Override
        protected INDArray forward(INDArray input, INDArray mask) {
            return standardise(input).values().muli(getParam(GAIN)).addi(getParam(BIAS));
        }

        @Override
        protected INDArray backward(INDArray input, INDArray mask, INDArray outputGradient,
                Map<String, INDArray> gradients) {
            Standardised x = standardise(input);
            gradients.get(GAIN).assign(outputGradient.mul(x.values()).sum(true, 0, 2));
            gradients.get(BIAS).assign(outputGradient.sum(true, 0, 2));
            INDArray valuesGradient = outputGradient.mul(getParam(GAIN));
            INDArray meanGradient = valuesGradient.mean(true, 1);
            INDArray projection = valuesGradient.mul(x.values()).mean(true, 1);
            return valuesGradient.subi(meanGradient).subi(x.values().mul(projection)).divi(x.deviation());
        }
    }
}
