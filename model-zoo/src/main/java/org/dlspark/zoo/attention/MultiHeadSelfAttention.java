package org.dlspark.zoo.attention;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head scaled dot-product self-attention (Vaswani et al., 2017) over a sequence. Each head projects every
 * time step to a query, key and value of {@code width / heads} features; a step's output is the softmax-weighted
 * mean of the values, weighted by query-key similarity; the heads are concatenated and projected back to the
 * width. Padded (masked) time steps are never attended to.
 */
public final class MultiHeadSelfAttention extends SequenceLayer {

    /** Parameter keys: query, key, value and output projections {@code [width, width]}, with their biases. */
    public static final String QUERY = "Wq";
    public static final String KEY = "Wk";
    public static final String VALUE = "Wv";
    public static final String OUTPUT = "Wo";

    /** Added to the attention scores of padded keys: their weight becomes 0 after the softmax. */
    private static final double MASKED_SCORE = -1e9;

    private int heads;

    private MultiHeadSelfAttention() {
    }

    private MultiHeadSelfAttention(Builder builder) {
        super(builder);
        this.heads = builder.heads;
        if (heads < 1 || width() % heads != 0) {
            throw new IllegalArgumentException("width " + width() + " is not a multiple of heads " + heads);
        }
    }

    /** Attention heads; they divide the width. */
    public int getHeads() {
        return heads;
    }

    @Override
    public List<ParameterSpec> parameters() {
        long w = width();
        return List.of(ParameterSpec.weight(QUERY, w, w, w, w), ParameterSpec.bias(QUERY + "b", 1, w),
                ParameterSpec.weight(KEY, w, w, w, w), ParameterSpec.bias(KEY + "b", 1, w),
                ParameterSpec.weight(VALUE, w, w, w, w), ParameterSpec.bias(VALUE + "b", 1, w),
                ParameterSpec.weight(OUTPUT, w, w, w, w), ParameterSpec.bias(OUTPUT + "b", 1, w));
    }

    @Override
    protected org.deeplearning4j.nn.layers.BaseLayer<?> createLayer(NeuralNetConfiguration conf, DataType type) {
        return new Computation(conf, type);
    }

    /** Builds a multi-head self-attention layer. */
    public static final class Builder extends SequenceLayer.Builder<Builder> {
        private int heads = 1;

        /** Attention heads; they must divide the width. */
        public Builder heads(int heads) {
            this.heads = heads;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public MultiHeadSelfAttention build() {
            return new MultiHeadSelfAttention(this);
        }
    }

    private static final class Computation extends ManualGradientLayer<MultiHeadSelfAttention> {

        Computation(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        /**
         * The forward pass's intermediate values. Rows of the 2-d arrays are (example, time step) pairs; the 4-d
         * arrays are {@code [batch, heads, time, headWidth]} and the weights {@code [batch, heads, time, time]}.
         */
        private record Pass(long batch, long time, INDArray rows, INDArray queries, INDArray keys, INDArray values,
                INDArray weights, INDArray attended, INDArray output) {
        }

        private Pass run(INDArray input, INDArray mask) {
            long batch = input.size(0);
            long width = input.size(1);
            long time = input.size(2);
            int heads = layerConf().getHeads();
            INDArray rows = input.permute(0, 2, 1).dup('c').reshape(batch * time, width);
            INDArray queries = split(project(rows, QUERY), batch, time, heads);
            INDArray keys = split(project(rows, KEY), batch, time, heads);
            INDArray values = split(project(rows, VALUE), batch, time, heads);
            INDArray scores = Nd4j.matmul(queries, keys, false, true, false).muli(1 / Math.sqrt(width / heads));
            if (mask != null) {
                INDArray keyPenalty = mask.castTo(scores.dataType()).rsub(1).muli(MASKED_SCORE);
                scores.addi(keyPenalty.reshape(batch, 1, 1, time));
            }
            INDArray weights = Nd4j.exec(new SoftMax(scores, scores.ulike(), 3))[0];
            INDArray attended = merge(Nd4j.matmul(weights, values), batch, time, width);
            INDArray output = project(attended, OUTPUT);
            return new Pass(batch, time, rows, queries, keys, values, weights, attended, output);
        }

        private INDArray project(INDArray rows, String weight) {
            return rows.mmul(getParam(weight)).addiRowVector(getParam(weight + "b"));
        }

        /** {@code [batch * time, width]} to {@code [batch, heads, time, width / heads]}. */
        private static INDArray split(INDArray rows, long batch, long time, int heads) {
            return rows.reshape(batch, time, heads, rows.size(1) / heads).permute(0, 2, 1, 3).dup('c');
        }

        /** The inverse of {@link #split}. */
        private static INDArray merge(INDArray perHead, long batch, long time, long width) {
            return perHead.permute(0, 2, 1, 3).dup('c').reshape(batch * time, width);
        }

        /** {@code [batch * time, width]} rows back to the {@code [batch, width, time]} sequence layout. */
        private static INDArray toSequence(INDArray rows, long batch, long time) {
            return rows.reshape(batch, time, rows.size(1)).permute(0, 2, 1).dup('c');
        }

        @Override
        protected INDArray forward(INDArray input, INDArray mask) {
            Pass pass = run(input, mask);
            return toSequence(pass.output(), pass.batch(), pass.time());
        }

        @Override
        protected INDArray backward(INDArray input, INDArray mask, INDArray outputGradient,
                Map<String, INDArray> gradients) {
            Pass pass = run(input, mask);
            long batch = pass.batch();
            long time = pass.time();
            long width = input.size(1);
            int heads = layerConf().getHeads();
            INDArray outputRows = outputGradient.permute(0, 2, 1).dup('c').reshape(batch * time, width);
            INDArray attendedRows = projectBack(pass.attended(), outputRows, OUTPUT, gradients);
            INDArray attended = split(attendedRows, batch, time, heads);

            INDArray weightGradient = Nd4j.matmul(attended, pass.values(), false, true, false);
            INDArray valueGradient = Nd4j.matmul(pass.weights(), attended, true, false, false);
            // Softmax backward along the key axis, then the 1/sqrt(headWidth) scaling.
            INDArray scoreGradient = weightGradient.subi(weightGradient.mul(pass.weights()).sum(true, 3))
                    .muli(pass.weights()).muli(1 / Math.sqrt(width / heads));
            INDArray queryGradient = Nd4j.matmul(scoreGradient, pass.keys());
            INDArray keyGradient = Nd4j.matmul(scoreGradient, pass.queries(), true, false, false);

            INDArray inputRows = projectBack(pass.rows(), merge(queryGradient, batch, time, width), QUERY, gradients)
                    .addi(projectBack(pass.rows(), merge(keyGradient, batch, time, width), KEY, gradients))
                    .addi(projectBack(pass.rows(), merge(valueGradient, batch, time, width), VALUE, gradients));
            return toSequence(inputRows, batch, time);
        }

        /**
         * Backward through {@code out = in * W + b}: writes W's and b's gradients and returns the gradient with
         * respect to {@code in}.
         */
        private INDArray projectBack(INDArray in, INDArray outGradient, String weight,
                Map<String, INDArray> gradients) {
            gradients.get(weight).assign(in.transpose().mmul(outGradient));
            gradients.get(weight + "b").assign(outGradient.sum(true, 0));
            return outGradient.mmul(getParam(weight).transpose());
        }
    }
}
