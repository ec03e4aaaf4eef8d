package org.dlspark.predict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dlspark.eval.GanEvaluation;
import org.dlspark.model.TrainedModel;

/**
 * Generates images with a trained GAN and writes each as a grey PNG file, {@code NNNNNN.png} by the sample's number,
 * into a {@link PngFolder}; sample {@code i}'s noise comes from the seed and the first sample of its chunk, so the
 * same seed gives the same images however the work is split. One generator is used by one thread at a time.
 */
final class SampleGenerator {

    private final ComputationGraph gan;
    private final int latentSize;
    private final long seed;
    private final PngFolder folder;

    /**
     * @param model a trained GAN (its combined graph)
     * @param latentSize the length of its noise vectors
     */
    SampleGenerator(TrainedModel model, int latentSize, long seed, PngFolder folder) {
        this.gan = model.network();
        this.latentSize = latentSize;
        this.seed = seed;
        this.folder = folder;
    }

    /** Generates and writes samples {@code first} to {@code first + count - 1}. */
    List<WrittenImage> generate(long first, int count) throws IOException {
        List<String> files = folder.write(GanEvaluation.samples(gan, count, latentSize, seed + first), first);
        List<WrittenImage> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            written.add(new WrittenImage(Long.toString(first + i), files.get(i)));
        }
        return written;
    }
}
