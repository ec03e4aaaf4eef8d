package org.dlspark.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dlspark.data.DataChecksum;
import org.dlspark.eval.EvaluateJob;
import org.dlspark.eval.EvaluationResult;
import org.dlspark.registry.ModelRegistry;
import org.dlspark.registry.Promotion;
import org.dlspark.registry.RegistryVersion;

/**
 * Runs a retraining pipeline once: preprocess the input, train, evaluate, register, promote, each stage a DLSpark
 * job ({@link StageJobs}) on the stage's own folder of the run ({@code WORK/runs/NNNN/}), with the run's state record
 * rewritten after every stage. A run that failed or was killed is resumed at the stage it did not finish (training
 * from its last checkpoint); when the input's checksum equals the last trained run's, nothing is retrained unless
 * forced.
 */
public final class PipelineRunner {

    /** The sub-folder of a run's folder that its evaluation writes. */
    static final String EVALUATION = "evaluation";

    private final PipelineConfig config;
    private final StageJobs jobs;
    private final PrintStream out;

    /** @param jobs configures the stages' jobs from the configuration's options for them */
    public PipelineRunner(PipelineConfig config, StageJobs jobs, PrintStream out) {
        this.config = config;
        this.jobs = jobs;
        this.out = out;
    }

    /**
     * Runs the pipeline once.
     *
     * @throws PipelineLockedException when another run of the pipeline holds its lock
     */
    public Outcome run(boolean force) throws IOException {
        Path work = config.workFolder();
        try (PipelineLock lock = PipelineLock.take(work, config.name())) {
            String checksum = DataChecksum.ofFolder(config.input());
            List<RunState> history = history();
            RunState last = history.isEmpty() ? null : history.get(history.size() - 1);
            RunState state;
            if (last != null && !last.finished() && last.inputChecksum().equals(checksum)) {
                state = last;
                out.printf(Locale.ROOT, "pipeline %s: resuming run %d after %s%n", config.name(), state.run(),
                        state.stages().isEmpty() ? "nothing" : "stage " + lastDone(state));
            } else {
                state = RunState.start(last == null ? 1 : last.run() + 1, checksum);
                RunState trained = lastTrained(history);
                if (!force && trained != null && trained.inputChecksum().equals(checksum)) {
                    state = state.ended(Outcome.SKIPPED);
                    state.write(Files.createDirectories(runFolder(state)));
                    out.printf(Locale.ROOT, "pipeline %s: run %d skipped: the input is unchanged since run %d "
                            + "(sha256 %s); --force retrains%n", config.name(), state.run(), trained.run(),
                            checksum.substring(0, 12));
                    PipelineSummary.write(work, config.name(), history(), this::runFolder);
                    return Outcome.SKIPPED;
                }
                Files.createDirectories(runFolder(state));
                out.printf(Locale.ROOT, "pipeline %s: run %d on %s (sha256 %s)%n", config.name(), state.run(),
                        config.input(), checksum.substring(0, 12));
            }
            state.write(runFolder(state));
            Outcome outcome = runStages(state);
            PipelineSummary.write(work, config.name(), history(), this::runFolder);
            return outcome;
        }
    }

    private Outcome runStages(RunState start) throws IOException {
        RunState state = start;
        Path run = runFolder(state);
        for (Stage stage : Stage.values()) {
            if (state.stages().containsKey(stage)) {
                continue;
            }
            out.printf(Locale.ROOT, "pipeline %s: run %d: %s%n", config.name(), state.run(),
                    stage.name().toLowerCase(Locale.ROOT));
            StageResult result;
            try {
                result = runStage(stage, run, state);
            } catch (RuntimeException | IOException e) {
                result = StageResult.failed(e.getMessage());
            }
            if (result.failure() != null) {
                state = state.failed(stage.name().toLowerCase(Locale.ROOT) + ": " + result.failure());
                state.write(run);
                out.printf(Locale.ROOT, "pipeline %s: run %d failed at %s (%s); run it again to resume there%n",
                        config.name(), state.run(), stage.name().toLowerCase(Locale.ROOT), result.failure());
                return Outcome.FAILED;
            }
            state = state.withStage(stage, result.value());
            if (stage == Stage.EVALUATE) {
                state = state.withAccuracy(Double.parseDouble(result.value()));
            }
            if (result.outcome() != null) {
                state = state.ended(result.outcome());
            }
            state.write(run);
        }
        out.printf(Locale.ROOT, "pipeline %s: run %d %s (test accuracy %.4f)%n", config.name(), state.run(),
                state.outcome() == Outcome.PROMOTED ? "promoted to '" + config.alias() + "'" : "not promoted",
                state.accuracy());
        return state.outcome();
    }

    /** What a stage produced: its recorded value, how the run ended (promotion only), or why it failed. */
    private record StageResult(String value, Outcome outcome, String failure) {
        static StageResult done(String value) {
            return new StageResult(value, null, null);
        }

        static StageResult failed(String why) {
            return new StageResult(null, null, why);
        }
    }

    private StageResult runStage(Stage stage, Path run, RunState state) throws IOException {
        Path data = run.resolve("data");
        Path model = run.resolve("model");
        Path evaluation = run.resolve(EVALUATION);
        return switch (stage) {
            case PREPROCESS -> {
                if (!Files.isDirectory(data)) {
                    jobs.preprocess(config.preprocess(), config.input(), config.format(), data.toString(),
                            config.master(), out).run();
                }
                yield StageResult.done("done");
            }
            case TRAIN -> Files.isDirectory(model) ? StageResult.done("done") : train(data, model);
            case EVALUATE -> evaluate(model, evaluation);
            case REGISTER -> {
                RegistryVersion version = new ModelRegistry(config.registry()).register(config.name(),
                        model.toString());
                out.printf(Locale.ROOT, "registered as %s version %d%n", config.name(), version.version());
                yield StageResult.done(Integer.toString(version.version()));
            }
            case PROMOTE -> promote(Integer.parseInt(state.stages().get(Stage.REGISTER)));
        };
    }

    private StageResult train(Path data, Path model) throws IOException {
        boolean interrupted = Files.isDirectory(model.resolveSibling("." + model.getFileName() + ".partial"));
        jobs.train(config.train(), config.model(), data.toString(), model.toString(), interrupted, config.master(),
                out).run();
        return StageResult.done("done");
    }

    /** Evaluates the model on its test split, or reads the evaluation a run killed after it wrote. */
    private StageResult evaluate(Path model, Path evaluation) throws IOException {
        double accuracy = Files.isDirectory(evaluation)
                ? new ObjectMapper().readTree(evaluation.resolve(EvaluateJob.RESULT_FILE).toFile()).get("accuracy")
                        .asDouble()
                : ((EvaluationResult) new EvaluateJob(new EvaluateJob.Settings(model.toString(), null, "test", null,
                        evaluation, config.master(), null, null, EvaluateJob.DEFAULT_SAMPLES, true), out).run())
                        .report().accuracy();
        return StageResult.done(Double.toString(accuracy));
    }

    private StageResult promote(int version) throws IOException {
        Promotion.Result result = jobs.promote(config.promote(), config.registry(), config.name(), version,
                config.alias(), config.master()).run();
        out.println(result.message());
        return result.outcome() == Promotion.Outcome.REFUSED ? new StageResult("refused", Outcome.NOT_PROMOTED, null)
                : new StageResult("promoted", Outcome.PROMOTED, null);
    }

    private Path runFolder(RunState state) {
        return config.workFolder().resolve("runs").resolve(String.format("%04d", state.run()));
    }

    /** Every run's state, oldest first. */
    private List<RunState> history() throws IOException {
        Path runs = config.workFolder().resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        List<RunState> states = new ArrayList<>();
        try (Stream<Path> folders = Files.list(runs)) {
            for (Path folder : folders.sorted().toList()) {
                if (Files.exists(folder.resolve(RunState.FILE))) {
                    states.add(RunState.read(folder));
                }
            }
        }
        return states;
    }

    private static RunState lastTrained(List<RunState> history) {
        RunState trained = null;
        for (RunState state : history) {
            if (state.outcome() == Outcome.PROMOTED || state.outcome() == Outcome.NOT_PROMOTED) {
                trained = state;
            }
        }
        return trained;
    }

    private static String lastDone(RunState state) {
        Stage last = null;
        for (Stage stage : state.stages().keySet()) {
            last = stage;
        }
        return last == null ? "nothing" : last.name().toLowerCase(Locale.ROOT);
    }
}
