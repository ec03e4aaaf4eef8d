package org.dlspark.zoo.text;

import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.dlspark.zoo.InputSpec;
import org.dlspark.zoo.ModelFamily;
import org.dlspark.zoo.Optimization;
import org.dlspark.zoo.SequentialGraph;
import org.dlspark.zoo.Task;
import org.dlspark.zoo.TrainingDefaults;
import org.dlspark.zoo.Updater;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A text classifier over token sequences: Embedding, one recurrent layer read at its last real (unmasked) time
 * step, Dense(softmax); Adam, categorical cross-entropy. Two families share it:
 * <ul>
 * <li>{@code lstm}: the seed's Embedding-LSTM(64)-Dense(softmax) classifier;</li>
 * <li>{@code rnn}: the same with a plain (Elman) recurrent layer, {@code SimpleRnn}, in place of the LSTM.</li>
 * </ul>
 * Dropout, when set, applies to the recurrent layer's input. Sizes are declared, not inferred: DL4J's input-type
 * inference would overwrite the embedding's vocabulary size.
 */
public final class RecurrentTextClassifier implements ModelFamily<TextArchitecture> {

    private final String name;
    private final String description;
    private final BiFunction<Integer, Integer, Layer> recurrentLayer;

    /** @param recurrentLayer makes the recurrent layer from its input and output sizes */
    private RecurrentTextClassifier(String name, String description,
            BiFunction<Integer, Integer, Layer> recurrentLayer) {
        this.name = name;
        this.description = description;
        this.recurrentLayer = recurrentLayer;
    }

    /** The seed's Embedding-LSTM(64)-Dense(softmax) text classifier. */
    public static RecurrentTextClassifier lstm() {
        return new RecurrentTextClassifier("lstm", "the seed's text classifier: embedding, LSTM(64), softmax; Adam",
                (in, units) -> new LSTM.Builder().nIn(in).nOut(units).activation(Activation.TANH).build());
    }

    /** A plain recurrent (SimpleRnn) text classifier. */
    public static RecurrentTextClassifier rnn() {
        return new RecurrentTextClassifier("rnn", "plain recurrent text classifier: embedding, SimpleRnn(64), softmax",
                (in, units) -> new SimpleRnn.Builder().nIn(in).nOut(units).activation(Activation.TANH).build());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Task task() {
        return Task.CLASSIFICATION;
    }

    @Override
    public Class<TextArchitecture> architectureType() {
        return TextArchitecture.class;
    }

    @Override
    public TextArchitecture defaultArchitecture() {
        return new TextArchitecture(20_000, 256, 64, 64, 2);
    }

    @Override
    public Optimization defaultOptimization() {
        return new Optimization(Updater.ADAM, 1e-3, 0, 0, 42);
    }

    @Override
    public TrainingDefaults defaultTraining() {
        return new TrainingDefaults(10, 128);
    }

    @Override
    public InputSpec input(TextArchitecture architecture) {
        return new InputSpec.TokenSequences(architecture.vocabularySize(), architecture.maxLength());
    }

    @Override
    public ComputationGraphConfiguration configure(TextArchitecture a, Optimization optimization) {
        Layer recurrent = recurrentLayer.apply(a.embeddingSize(), a.hiddenSize());
        if (optimization.dropout() > 0) {
            recurrent.setIDropout(new Dropout(optimization.retainProbability()));
        }
        return SequentialGraph.start(optimization)
                .add("embedding", new EmbeddingSequenceLayer.Builder().nIn(a.vocabularySize())
                        .nOut(a.embeddingSize()).inputLength(a.maxLength()).build())
                .add("recurrent", new LastTimeStep(recurrent))
                .add("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(a.hiddenSize())
                        .nOut(a.classes()).activation(Activation.SOFTMAX).build())
                .build();
    }
}
