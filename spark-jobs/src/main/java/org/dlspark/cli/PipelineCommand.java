package org.dlspark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dlspark.pipeline.Outcome;
import org.dlspark.pipeline.PipelineConfig;
import org.dlspark.pipeline.PipelineLockedException;
import org.dlspark.pipeline.PipelineRunner;
import org.dlspark.run.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark pipeline}: one run of a scheduled retraining pipeline. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Runs a retraining pipeline once: preprocess the input, train, evaluate, register, promote "
            + "(only if the new model beats the current one). Each stage writes its result and the run's state, so a "
            + "failed or killed run resumes at the stage it did not finish; a lock keeps two runs of one pipeline "
            + "apart; an input unchanged since the last trained run is not retrained unless --force. Writes "
            + "summary.md and accuracy.png in the work folder. See conf/pipeline/.",
            "Exit status: 0 promoted, 3 not promoted, 4 skipped (input unchanged), 5 locked (another run is going "
            + "on), 1 failed, 2 bad command line."})
final class PipelineCommand implements Callable<Integer> {

    /** The exit status when another run holds the pipeline's lock. */
    static final int LOCKED = 5;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Pipeline configuration (JSON).")
    private Path config;

    @Option(names = "--force", description = "Retrain even when the input is unchanged since the last trained run.")
    private boolean force;

    @Override
    public Integer call() throws Exception {
        PipelineRunner runner = new PipelineRunner(PipelineConfig.read(config), new CommandStageJobs(), System.out);
        try {
            Outcome outcome = runner.run(force);
            return outcome.exitCode();
        } catch (PipelineLockedException e) {
            Console.errors().println("pipeline: " + e.getMessage());
            return LOCKED;
        }
    }
}
