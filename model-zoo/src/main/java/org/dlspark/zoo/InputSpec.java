package org.dlspark.zoo;

/** The input a model takes: images, or token sequences. */
public sealed interface InputSpec {

    /** Images of {@code height x width x channels}, fed as NCHW arrays with values in [0, 1]. */
    record Images(int height, int width, int channels) implements InputSpec {
    }

    /**
     * Token index sequences, fed as {@code [batch, maxLength]} arrays of indices below {@code vocabularySize},
     * padded or truncated to {@code maxLength}, with a {@code [batch, maxLength]} mask marking real tokens.
     */
    record TokenSequences(int vocabularySize, int maxLength) implements InputSpec {
    }
}
