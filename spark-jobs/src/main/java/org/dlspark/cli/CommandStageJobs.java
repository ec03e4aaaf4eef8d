package org.dlspark.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dlspark.pipeline.StageJobs;
import org.dlspark.preprocess.PreprocessJob;
import org.dlspark.registry.Promotion;
import org.dlspark.train.TrainJob;
import picocli.CommandLine;

/**
 * A pipeline's stage jobs as the commands configure them: each stage's options are parsed by the stage's own
 * command ({@code preprocess}, {@code train}, {@code registry promote}), which builds the job's typed settings, so
 * an option means in a pipeline file what it means on the command line.
 */
final class CommandStageJobs implements StageJobs {

    @Override
    public PreprocessJob preprocess(Map<String, Object> options, String input, String format, String output,
            String master, PrintStream out) {
        return parse(new PreprocessCommand(), options, withMaster(master, "--input", input, "--format", format,
                "--output", output)).job(out);
    }

    @Override
    public TrainJob train(Map<String, Object> options, String model, String data, String folder, boolean resume,
            String master, PrintStream out) {
        List<String> fixed = new ArrayList<>(List.of(withMaster(master, "--model", model, "--data", data, "--out",
                folder)));
        if (resume) {
            fixed.add("--resume");
        }
        return parse(new TrainCommand(), options, fixed.toArray(String[]::new)).job(out);
    }

    @Override
    public Promotion promote(Map<String, Object> options, String registry, String name, int version, String alias,
            String master) {
        return parse(new RegistryCommand.Promote(), options, withMaster(master, "--registry", registry, "--name",
                name, "--version", Integer.toString(version), "--alias", alias)).promotion();
    }

    /**
     * {@code command} with its options set from {@code fixed} and the stage's {@code options}.
     *
     * @throws CommandLine.ParameterException naming the option the command refuses
     */
    private static <T> T parse(T command, Map<String, Object> options, String... fixed) {
        new CommandLine(command).setOverwrittenOptionsAllowed(true).parseArgs(StageOptions.of(options, fixed));
        return command;
    }

    private static String[] withMaster(String master, String... args) {
        if (master == null) {
            return args;
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--master");
        all.add(master);
        return all.toArray(String[]::new);
    }
}
