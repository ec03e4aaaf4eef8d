package org.dlspark.quality;

import org.deeplearning4j.nn.graph.ComputationGraph;

/** How the denoising autoencoder fits one epoch of noisy images against the clean ones: in this JVM or on Spark. */
interface DenoisingFit extends AutoCloseable {

    /** Fits epoch {@code epoch} (fresh noise each epoch) and returns its mean training loss. */
    double fitEpoch(int epoch);

    /** The network, as trained so far. */
    ComputationGraph network();

    @Override
    void close();
}
