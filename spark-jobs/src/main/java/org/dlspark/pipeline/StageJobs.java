package org.dlspark.pipeline;

import java.io.PrintStream;
import java.util.Map;
import org.dlspark.preprocess.PreprocessJob;
import org.dlspark.registry.Promotion;
import org.dlspark.train.TrainJob;

/**
 * The jobs of a pipeline's stages, configured from the pipeline file's options for each stage: the keys are the
 * long options of the stage's command ({@code epochs}, {@code hp.learningRate}, {@code min-gain}), and each job's
 * typed settings are checked as the command checks them, naming the option.
 */
public interface StageJobs {

    /** The preprocess job of {@code input} in {@code format} into {@code output}. */
    PreprocessJob preprocess(Map<String, Object> options, String input, String format, String output, String master,
            PrintStream out);

    /** The train job of {@code model} on {@code data} into the run folder {@code folder}, resuming it if asked. */
    TrainJob train(Map<String, Object> options, String model, String data, String folder, boolean resume,
            String master, PrintStream out);

    /** The promotion of version {@code version} of {@code name} in {@code registry} to {@code alias}. */
    Promotion promote(Map<String, Object> options, String registry, String name, int version, String alias,
            String master);
}
