package org.dlspark.train.sharing;

/** Gradient sharing failed: a peer could not be reached, stayed silent, or sent something unexpected. */
public final class GradientSharingException extends RuntimeException {

    /** With a message that names the worker and what it was doing. */
    public GradientSharingException(String message) {
        super(message);
    }

    /** With a message that names the worker and what it was doing, and the failure that caused it. */
    public GradientSharingException(String message, Throwable cause) {
        super(message, cause);
    }
}
