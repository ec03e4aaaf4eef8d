package org.dlspark.zoo.text;

import org.dlspark.zoo.HyperparameterException;

/**
 * Sizes of a recurrent text classifier.
 *
 * @param vocabularySize token indices run from 0 to vocabularySize - 1
 * @param maxLength tokens per sequence after padding or truncation
 * @param embeddingSize width of the token embedding
 * @param hiddenSize units of the recurrent layer
 * @param classes output classes
 */
public record TextArchitecture(int vocabularySize, int maxLength, int embeddingSize, int hiddenSize,
        int classes) {

    /** Validates every size. */
    public TextArchitecture {
        HyperparameterException.atLeast("vocabularySize", vocabularySize, 2);
        HyperparameterException.atLeast("maxLength", maxLength, 1);
        HyperparameterException.atLeast("embeddingSize", embeddingSize, 1);
        HyperparameterException.atLeast("hiddenSize", hiddenSize, 1);
        HyperparameterException.atLeast("classes", classes, 2);
    }
}
