package org.dlspark.train.sharing;

import java.nio.ByteBuffer;

/**
 * What a gradient-sharing worker sends every other worker in one round: the part of its update its
 * {@link ThresholdEncoder} let through, and the loss of the minibatch it computed that update on, so that every
 * worker knows the mean loss of every round ({@link DivergenceWatch}). Its wire form is the example count and the
 * loss, then the update's own wire form: 12 bytes more than the update.
 *
 * @param examples the minibatch's examples, 0 for a worker that has run out of minibatches
 * @param loss the minibatch's loss (0 without a minibatch)
 * @param update the shared part of the update
 */
record RoundMessage(int examples, double loss, SparseUpdate update) {

    private static final int HEADER_BYTES = Integer.BYTES + Double.BYTES;

    /** The mean loss over the examples of two sets of minibatches, each with its count and mean loss; 0 for none. */
    static double pooledLoss(int examplesA, double lossA, int examplesB, double lossB) {
        int examples = examplesA + examplesB;
        return examples == 0 ? 0 : (lossA * examplesA + lossB * examplesB) / examples;
    }

    /** The wire form. */
    byte[] toBytes() {
        byte[] updateBytes = update.toBytes();
        return ByteBuffer.allocate(HEADER_BYTES + updateBytes.length).putInt(examples).putDouble(loss)
                .put(updateBytes).array();
    }

    /**
     * Reads the wire form of a message about a vector of {@code length} entries.
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed message of that length
     */
    static RoundMessage fromBytes(byte[] bytes, int length) {
        if (bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("a round's message of " + bytes.length + " bytes has no header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int examples = buffer.getInt();
        if (examples < 0) {
            throw new IllegalArgumentException("a round's message counts " + examples + " examples");
        }
        double loss = buffer.getDouble();
        byte[] updateBytes = new byte[buffer.remaining()];
        buffer.get(updateBytes);
        return new RoundMessage(examples, loss, SparseUpdate.fromBytes(updateBytes, length));
    }
}
