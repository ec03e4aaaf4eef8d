package org.dlspark.cli;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import org.dlspark.data.DataFormatException;
import org.dlspark.fetch.FetchException;
import org.dlspark.run.Console;
import org.dlspark.train.TrainingDivergedException;
import org.dlspark.train.TrainingStalledException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed job: a one-line message for problems the user can fix (bad data, bad settings, failed
 * downloads, a diverged or stalled training); for anything else, the exception's first line and where the log file
 * (which takes the stack trace) is. Either way the exit status is 1.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
        String name = command.getCommandName();
        Throwable userError = userError(error);
        if (userError != null) {
            String message = String.valueOf(userError.getMessage());
            command.getErr().println(name + ": error: " + (isStorageError(userError)
                    ? "cannot write the output: " + message.lines().findFirst().orElse("") : message));
        } else if (error instanceof FileAlreadyExistsException exists) {
            command.getErr().println(name + ": error: " + exists.getFile() + ": " + exists.getReason());
        } else {
            LoggerFactory.getLogger(ErrorReporter.class).error(name + " failed", error);
            command.getErr().println(name + ": failed: " + error.getClass().getSimpleName() + ": "
                    + String.valueOf(error.getMessage()).lines().findFirst().orElse(""));
            String log = System.getProperty(Console.LOG_FILE_PROPERTY);
            if (log != null) {
                command.getErr().println("the stack trace and Spark's log: " + log);
            } else {
                error.printStackTrace(command.getErr());
            }
        }
        return 1;
    }

    /** The user error behind {@code error}: itself, or the cause a Spark task failure wraps. */
    private static Throwable userError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (isUserError(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static boolean isUserError(Throwable error) {
        return error instanceof DataFormatException || error instanceof FetchException
                || error instanceof TrainingDivergedException || error instanceof TrainingStalledException
                || error instanceof IllegalArgumentException
                || error instanceof UncheckedIOException
                || isStorageError(error);
    }

    /**
     * A location that cannot take the output: a full disk or a read-only or unreadable folder (Java's file system
     * errors name the path), an HDFS quota reached or an HDFS permission refused (Hadoop's messages name the path).
     */
    private static boolean isStorageError(Throwable error) {
        return error instanceof java.nio.file.FileSystemException
                || STORAGE_ERRORS.contains(error.getClass().getSimpleName());
    }

    private static final java.util.Set<String> STORAGE_ERRORS = java.util.Set.of("DSQuotaExceededException",
            "NSQuotaExceededException", "QuotaExceededException", "AccessControlException");
}
