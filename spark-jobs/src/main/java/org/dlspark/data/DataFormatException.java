package org.dlspark.data;

/** Input data that cannot be used: the message names the file or record and what is wrong with it. */
public final class DataFormatException extends RuntimeException {

    /** @param message what is wrong, naming the file or record */
    public DataFormatException(String message) {
        super(message);
    }

    /** @param message what is wrong, naming the file or record; @param cause the underlying failure */
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
