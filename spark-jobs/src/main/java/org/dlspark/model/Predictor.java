package org.dlspark.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.data.DataFormatException;
import org.dlspark.zoo.ModelZoo;
import org.dlspark.zoo.Task;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores raw inputs with a trained classifier: prepares them ({@link ModelInputs}), runs the network and names the
 * most probable class. One predictor is used by one thread at a time.
 */
public final class Predictor {

    private final ComputationGraph network;
    private final ModelInputs inputs;
    private final List<String> classNames;

    /**
     * @throws DataFormatException naming the model when it does not classify (the autoencoder's outputs are images,
     *     which {@code predict} writes; the GAN's are samples)
     */
    public Predictor(TrainedModel model) {
        Task task = ModelZoo.create(model.info().model(), model.info().hyperparameters()).task();
        if (task != Task.CLASSIFICATION) {
            throw new DataFormatException(model.location() + ": '" + model.info().model() + "' is a "
                    + task.name().toLowerCase(java.util.Locale.ROOT) + " model and gives no classes to score"
                    + (task == Task.RECONSTRUCTION ? "; 'dlspark predict' writes its denoised images" : ""));
        }
        this.network = model.network();
        this.inputs = ModelInputs.of(model);
        this.classNames = model.classNames();
    }

    /** How raw inputs are prepared for this model. */
    public ModelInputs inputs() {
        return inputs;
    }

    /** Predictions for {@code images} (unsigned pixels, row by row), named by {@code ids}. */
    public List<Prediction> images(List<String> ids, List<byte[]> images) {
        return predictions(ids, network.output(false, inputs.images(images))[0]);
    }

    /** Predictions for {@code texts}, named by {@code ids}. */
    public List<Prediction> texts(List<String> ids, List<String> texts) {
        INDArray[] prepared = inputs.texts(texts);
        return predictions(ids, network.output(false, new INDArray[] {prepared[0]}, new INDArray[] {prepared[1]})[0]);
    }

    private List<Prediction> predictions(List<String> ids, INDArray output) {
        List<Prediction> predictions = new ArrayList<>(ids.size());
        for (int row = 0; row < ids.size(); row++) {
            List<Double> probabilities = new ArrayList<>(classNames.size());
            int best = 0;
            for (int c = 0; c < classNames.size(); c++) {
                probabilities.add(output.getDouble(row, c));
                if (probabilities.get(c) > probabilities.get(best)) {
                    best = c;
                }
            }
            predictions.add(new Prediction(ids.get(row), best, classNames.get(best), probabilities));
        }
        return predictions;
    }
}
