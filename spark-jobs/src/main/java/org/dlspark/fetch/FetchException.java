package org.dlspark.fetch;

/** A data set could not be fetched or verified; the message says which package or file, and why. */
public final class FetchException extends RuntimeException {

    /** @param message what failed and why */
    public FetchException(String message) {
        super(message);
    }

    /** @param message what failed and why; @param cause the underlying failure */
    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
