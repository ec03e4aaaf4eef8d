package org.dlspark.zoo.attention;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adds a learned embedding of each position to a sequence: {@code out[b, :, t] = in[b, :, t] + P[:, t]}, for
 * sequences of a fixed length (inputs are padded or truncated to it).
 */
public final class PositionEmbedding extends SequenceLayer {

    /** Parameter key: the position embeddings, {@code [width, length]}. */
    public static final String POSITIONS = "P";

    private int length;

    private PositionEmbedding() {
    }

    private PositionEmbedding(Builder builder) {
        super(builder);
        this.length = builder.length;
    }

    /** Positions per sequence. */
    public int getLength() {
        return length;
    }

    @Override
    public List<ParameterSpec> parameters() {
        // Fan-in and fan-out of 1 and the width: Xavier gives the embeddings the scale of a token embedding.
        return List.of(ParameterSpec.weight(POSITIONS, width(), width(), width(), length));
    }

    @Override
    protected org.deeplearning4j.nn.layers.BaseLayer<?> createLayer(NeuralNetConfiguration conf, DataType type) {
        return new Computation(conf, type);
    }

    /** Builds a position embedding. */
    public static final class Builder extends SequenceLayer.Builder<Builder> {
        private int length;

        /** Positions per sequence. */
        public Builder length(int length) {
            this.length = length;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PositionEmbedding build() {
            return new PositionEmbedding(this);
        }
    }

    private static final class Computation extends ManualGradientLayer<PositionEmbedding> {

        Computation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected INDArray forward(INDArray input, INDArray mask) {
            INDArray positions = getParam(POSITIONS);
            return input.add(positions.reshape(1, positions.size(0), positions.size(1)));
        }

        @Override
        protected INDArray backward(INDArray input, INDArray mask, INDArray outputGradient,
                Map<String, INDArray> gradients) {
            gradients.get(POSITIONS).assign(outputGradient.sum(0));
            return outputGradient.dup();
        }
    }
}
