package org.dlspark.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dlspark.eval.EvaluateJob;
import org.dlspark.plot.PipelineHistoryChart;

/** Writes a pipeline's history: {@code summary.md} (one row per run) and {@code accuracy.png}, in its work folder. */
final class PipelineSummary {

    private PipelineSummary() {
    }

    /** Writes the summary of {@code history}, each run's files in its folder ({@code runFolders}). */
    static void write(Path work, String name, List<RunState> history, Function<RunState, Path> runFolders)
            throws IOException {
        StringBuilder md = new StringBuilder("# Pipeline " + name + "\n\n| run | input sha256 | test accuracy | "
                + "baseline (MLlib logistic regression) | registered version | outcome |\n"
                + "|---|---|---|---|---|---|\n");
        for (RunState run : history) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", run.run(),
                    run.inputChecksum().substring(0, 12), run.accuracy() == null ? "-"
                    : String.format(Locale.ROOT, "%.4f", run.accuracy()), baseline(runFolders.apply(run)),
                    run.stages().getOrDefault(Stage.REGISTER, "-"), run.outcome() != null
                    ? run.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    : "failed: " + String.valueOf(run.failure()).replace('|', '/')));
        }
        Path temporary = work.resolve(".summary.md.tmp");
        Files.writeString(temporary, md, StandardCharsets.UTF_8);
        Files.move(temporary, work.resolve("summary.md"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        PipelineHistoryChart.write(name, history.stream().filter(r -> r.accuracy() != null)
                .map(r -> new PipelineHistoryChart.Point(r.run(), r.accuracy(), r.outcome() == Outcome.PROMOTED))
                .toList(), work.resolve("accuracy.png"));
    }

    /**
     * The baseline beside the evaluation in {@code runFolder} ({@code evaluation.json}): its accuracy and the model's
     * margin, or "-" before the evaluation or without a baseline.
     */
    private static String baseline(Path runFolder) throws IOException {
        Path evaluation = runFolder.resolve(PipelineRunner.EVALUATION).resolve(EvaluateJob.RESULT_FILE);
        if (!Files.isRegularFile(evaluation)) {
            return "-";
        }
        JsonNode baseline = new ObjectMapper().readTree(evaluation.toFile()).get("baseline");
        return baseline == null ? "-" : String.format(Locale.ROOT, "%.4f (model %+.4f)",
                baseline.get("accuracy").asDouble(), baseline.get("accuracyMargin").asDouble());
    }
}
