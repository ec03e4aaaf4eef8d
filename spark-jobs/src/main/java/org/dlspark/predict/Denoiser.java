package org.dlspark.predict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.model.ModelInputs;
import org.dlspark.model.TrainedModel;

/**
 * Denoises raw images with a trained autoencoder and writes each output as a grey PNG file, {@code NNNNNN.png} by
 * the input's place, into a {@link PngFolder}. One denoiser is used by one thread at a time.
 */
final class Denoiser {

    private final ComputationGraph network;
    private final ModelInputs inputs;
    private final PngFolder folder;

    Denoiser(TrainedModel model, PngFolder folder) {
        this.network = model.network();
        this.inputs = ModelInputs.of(model);
        this.folder = folder;
    }

    /** How raw inputs are prepared for this model. */
    ModelInputs inputs() {
        return inputs;
    }

    /** Denoises {@code images} (unsigned pixels, row by row), the first being input number {@code first}. */
    List<WrittenImage> denoise(List<String> ids, List<byte[]> images, long first) throws IOException {
        List<String> files = folder.write(network.outputSingle(false, inputs.images(images)), first);
        List<WrittenImage> written = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            written.add(new WrittenImage(ids.get(i), files.get(i)));
        }
        return written;
    }
}
