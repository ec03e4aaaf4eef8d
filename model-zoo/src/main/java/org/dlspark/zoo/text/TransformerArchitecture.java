package org.dlspark.zoo.text;

import org.dlspark.zoo.HyperparameterException;

/**
 * Sizes of a transformer-encoder text classifier.
 *
 * @param vocabularySize token indices run from 0 to vocabularySize - 1
 * @param maxLength tokens per sequence after padding or truncation (one learned position embedding each)
 * @param modelSize width of the token and position embeddings and of every block's output
 * @param heads attention heads per block; they divide {@code modelSize}
 * @param feedForwardSize hidden units of each block's position-wise feed-forward network
 * @param blocks encoder blocks
 * @param classes output classes
 */
public record TransformerArchitecture(int vocabularySize, int maxLength, int modelSize, int heads,
        int feedForwardSize, int blocks, int classes) {

    /** Validates every size. */
    public TransformerArchitecture {
        HyperparameterException.atLeast("vocabularySize", vocabularySize, 2);
        HyperparameterException.atLeast("maxLength", maxLength, 1);
        HyperparameterException.atLeast("modelSize", modelSize, 1);
        HyperparameterException.atLeast("heads", heads, 1);
        if (modelSize % heads != 0) {
            throw HyperparameterException.of("heads", "must divide modelSize " + modelSize + ", got " + heads);
        }
        HyperparameterException.atLeast("feedForwardSize", feedForwardSize, 1);
        HyperparameterException.atLeast("blocks", blocks, 1);
        HyperparameterException.atLeast("classes", classes, 2);
    }
}
