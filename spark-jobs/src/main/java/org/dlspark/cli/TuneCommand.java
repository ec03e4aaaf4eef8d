package org.dlspark.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dlspark.fetch.DefaultDataSet;
import org.dlspark.tune.TrialRunner;
import org.dlspark.tune.TuneJob;
import org.dlspark.zoo.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark tune}: hyperparameter search, one Spark task per trial. */
@Command(name = "tune", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Searches hyperparameters: trials drawn from a search space (random or grid) plus the "
            + "model's defaults as a baseline, each a short training with early stopping run as one Spark task. "
            + "Prints the trials ranked by validation accuracy and writes results.csv, results.md, tune.json and "
            + "best.conf (for 'dlspark train --conf').",
            "Search space: a JSON file, e.g. {\"learningRate\": {\"logUniform\": [0.0003, 0.003]}, \"batch\": "
            + "{\"choice\": [32, 64, 128]}, \"dropout\": {\"uniform\": [0, 0.3]}}; see conf/tune/."})
final class TuneCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "cnn", description = "Zoo classifier.")
    private String model;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (as for train). Default: the fetched "
            + "data set for the model.")
    private String data;

    @Option(names = "--space", paramLabel = "FILE", required = true, description = "Search-space JSON file.")
    private Path space;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "8", description = "Trials to draw (random).")
    private int trials;

    @Option(names = "--search", paramLabel = "S", defaultValue = "random", description = "random or grid.")
    private String search;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "3", description = "Epochs per trial at most.")
    private int epochs;

    @Option(names = "--patience", paramLabel = "P", defaultValue = "1",
            description = "Stop a trial when validation accuracy has not improved for P epochs.")
    private int patience;

    @Option(names = "--train-limit", paramLabel = "N", defaultValue = "10000",
            description = "Training examples per trial (of the shuffled set); 10%% of them are held out for "
                    + "validation when the data has no validation split.")
    private int trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "" + Integer.MAX_VALUE,
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description = "Test examples. Default: all.")
    private int testLimit;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seeds the draws, the weights and "
            + "the data order (the same for every trial).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Tuning folder to create. Default: "
            + "runs/tune-MODEL-YYYYMMDD-HHMMSS.")
    private Path out;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[4] or spark://host:7077. Default: spark-submit's, else local[*].")
    private String master;

    @Override
    public Integer call() throws Exception {
        String folder = data != null ? data : DefaultDataSet.forModel(ModelZoo.create(model), System.out);
        TrialRunner runner = new TrialRunner(model, folder, epochs, patience, trainLimit, testLimit, seed);
        new TuneJob(new TuneJob.Settings(model, folder, space, trials, search, runner,
                out != null ? out : Defaults.runFolder("tune-" + model), master), System.out).run();
        return 0;
    }
}
