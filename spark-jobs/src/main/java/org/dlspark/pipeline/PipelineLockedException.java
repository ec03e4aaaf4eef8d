package org.dlspark.pipeline;

/** Another run of the pipeline holds its lock; the message names the lock file and its holder. */
public final class PipelineLockedException extends IllegalStateException {

    PipelineLockedException(String message) {
        super(message);
    }
}
