package org.dlspark.zoo.text;

import java.util.Map;
import java.util.Random;
import org.dlspark.zoo.FamilyContract;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ZooModel;
import org.junit.jupiter.api.Nested;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class RecurrentTextClassifierTest {

    /** Token sequences of random length (at least 2), padded with 0 and masked; label = example index mod 2. */
    static DataSet sequences(ZooModel model, int size) {
        InputSpec.TokenSequences input = (InputSpec.TokenSequences) model.input();
        Random random = new Random(size);
        INDArray tokens = Nd4j.zeros(size, input.maxLength());
        INDArray mask = Nd4j.zeros(size, input.maxLength());
        INDArray labels = Nd4j.zeros(size, 2);
        for (int i = 0; i < size; i++) {
            int length = 2 + random.nextInt(input.maxLength() - 1);
            for (int t = 0; t < length; t++) {
                tokens.putScalar(i, t, 1 + random.nextInt(input.vocabularySize() - 1));
                mask.putScalar(i, t, 1);
            }
            labels.putScalar(i, i % 2, 1);
        }
        return new DataSet(tokens, labels, mask, null);
    }

    private static final Map<String, Object> TINY = Map.of("vocabularySize", 12, "maxLength", 6, "embeddingSize", 3,
            "hiddenSize", 4);

    @Nested
    class Lstm extends FamilyContract {
        @Override
        protected String name() {
            return "lstm";
        }

        @Override
        protected Map<String, Object> tiny() {
            return TINY;
        }

        @Override
        protected DataSet batch(ZooModel model, int size) {
            return sequences(model, size);
        }

        @Override
        protected long[] outputShape(int size) {
            return new long[] {size, 2};
        }
    }

    @Nested
    class Rnn extends FamilyContract {
        @Override
        protected String name() {
            return "rnn";
        }

        @Override
        protected Map<String, Object> tiny() {
            return TINY;
        }

        @Override
        protected DataSet batch(ZooModel model, int size) {
            return sequences(model, size);
        }

        @Override
        protected long[] outputShape(int size) {
            return new long[] {size, 2};
        }
    }
}
