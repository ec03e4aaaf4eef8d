package org.dlspark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.dlspark.run.Console;
import org.dlspark.train.InvalidSettingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ErrorReporterTest {

    @Command(name = "job")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException error;

        Failing(RuntimeException error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }

    @AfterEach
    void forgetTheLogFile() {
        System.clearProperty(Console.LOG_FILE_PROPERTY);
    }

    @Test
    void aUserErrorIsOneLine() {
        assertEquals("job: error: --epochs: must be at least 1, got 0\n",
                run(new InvalidSettingException("--epochs", "must be at least 1, got 0")));
    }

    @Test
    void anyOtherFailureIsItsFirstLineAndWhereTheLogIs() {
        System.setProperty(Console.LOG_FILE_PROPERTY, "/runs/logs/job.log");
        String printed = run(new IllegalStateException("broken\nsecond line"));
        assertEquals("job: failed: IllegalStateException: broken\n"
                + "the stack trace and Spark's log: /runs/logs/job.log\n", printed);
    }

    private static String run(RuntimeException error) {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Failing(error)).setExecutionExceptionHandler(new ErrorReporter())
                .setErr(new PrintWriter(err, true));
        assertEquals(1, command.execute());
        return err.toString().replace(System.lineSeparator(), "\n");
    }
}
