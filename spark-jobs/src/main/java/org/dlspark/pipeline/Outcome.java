package org.dlspark.pipeline;

/** How a pipeline run ended, and the exit status that says so. */
public enum Outcome {
    /** The new model took the alias. */
    PROMOTED(0),
    /** The new model was registered but did not beat the current one. */
    NOT_PROMOTED(3),
    /** The input had not changed since the last completed run: nothing retrained. */
    SKIPPED(4),
    /** A stage failed; the next run resumes there. */
    FAILED(1);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit status. */
    public int exitCode() {
        return exitCode;
    }
}
