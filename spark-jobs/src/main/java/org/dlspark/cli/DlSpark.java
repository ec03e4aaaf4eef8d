package org.dlspark.cli;

import java.io.PrintWriter;
import org.dlspark.run.Console;
import org.dlspark.zoo.cpu.OneDnnHelpers;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dlspark} command line: one subcommand per job. */
@Command(name = "dlspark", mixinStandardHelpOptions = true, version = "DLSpark 0.1.0",
        description = "Deep-learning workflows as Spark batch jobs, with Deeplearning4j.",
        subcommands = {FetchDataCommand.class, PreprocessCommand.class, TrainCommand.class, EvaluateCommand.class,
            TuneCommand.class, RegistryCommand.class, ServeCommand.class, PredictCommand.class, LoadTestCommand.class,
            PipelineCommand.class, BenchCommand.class, ScalingCommand.class, QualityCommand.class, ZooCommand.class,
            DoctorCommand.class, CommandLine.HelpCommand.class})
public final class DlSpark {

    /** Runs a command and exits with its status: 0 success, 1 failed job, 2 bad command line. */
    public static void main(String[] args) {
        OneDnnHelpers.enableUnlessConfigured();
        Console.divertLibraryOutput();
        System.exit(run(args));
    }

    /** Runs a command and returns its exit status. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new DlSpark())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setOverwrittenOptionsAllowed(true)
                .setErr(new PrintWriter(Console.errors(), true));
        try {
            return commandLine.execute(ConfigFile.expand(commandLine, args));
        } catch (CommandLine.ParameterException e) {
            e.getCommandLine().getErr().println(e.getCommandLine().getCommandName() + ": error: " + e.getMessage());
            return 2;
        }
    }
}
