package org.dlspark.predict;

import java.io.Serializable;

/**
 * One input to score, as {@code predict} distributes it: an image's grey pixels, the Hadoop path of an image file
 * to read on the executor, or a text.
 *
 * @param id names the input in the output: the file name, or the file and record number
 */
public record InputRecord(String id, byte[] pixels, String imageUri, String text) implements Serializable {

    /** An image already read. */
    public static InputRecord pixels(String id, byte[] pixels) {
        return new InputRecord(id, pixels, null, null);
    }

    /** An image file to read where it is scored. */
    public static InputRecord imageFile(String id, String uri) {
        return new InputRecord(id, null, uri, null);
    }

    /** A text. */
    public static InputRecord text(String id, String text) {
        return new InputRecord(id, null, null, text);
    }
}
