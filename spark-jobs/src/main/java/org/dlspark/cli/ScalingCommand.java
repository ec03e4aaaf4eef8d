package org.dlspark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dlspark.io.FileTrees;
import org.dlspark.plot.ScalingChart;
import org.dlspark.scaling.Exchange;
import org.dlspark.scaling.Link;
import org.dlspark.scaling.MeasuredRun;
import org.dlspark.scaling.ScalingModel;
import org.dlspark.scaling.ScalingReport;
import org.dlspark.scaling.Validation;
import org.dlspark.train.InvalidSettingException;
import org.dlspark.train.sharing.MeshAveragingTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dlspark scaling}: the scaling model, calibrated on measured runs and checked on others; its predictions. */
@Command(name = "scaling", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Predicts examples/s and scaling efficiency of data-parallel training on any number of "
            + "workers and links, for parameter averaging, gradient sharing's old mesh, its sparse all-reduce and a "
            + "dense ring all-reduce, from what a two-worker run measured (its iteration profile and message sizes); "
            + "checks the prediction of every --measured run against what it measured; writes scaling.md and "
            + "scaling.png.", "Exit status: 0, or 1 on an error."})
final class ScalingCommand implements Callable<Integer> {

    @Option(names = "--sharing", paramLabel = "RUN", required = true,
            description = "A gradient-sharing run (sparse all-reduce) to calibrate from, best of 2 workers.")
    private Path sharing;

    @Option(names = "--averaging", paramLabel = "RUN",
            description = "A parameter-averaging run of the same model to calibrate averaging from.")
    private Path averaging;

    @Option(names = "--averaging-frequency", paramLabel = "N",
            defaultValue = "" + MeshAveragingTrainer.DEFAULT_FREQUENCY,
            description = "The iterations between averagings of the averaging runs.")
    private int frequency;

    @Option(names = "--calibration-link", paramLabel = "LINK", defaultValue = "loopback",
            description = "The link the calibrating runs had.")
    private String calibrationLink;

    @Option(names = "--measured", paramLabel = "RUN[@LINK]",
            description = "A run to check the model against, with the link its workers had (default loopback), "
                    + "such as runs/gs8@2mbit. Repeatable.")
    private List<String> measured = List.of();

    @Option(names = "--links", paramLabel = "LINK", split = ",", defaultValue = "10gbit/25us,100gbit/25us",
            description = "Links to predict on: rate and one-way delay per message.")
    private List<String> links;

    @Option(names = "--workers", paramLabel = "N", split = ",", defaultValue = "2,4,8,16,64,256,1024",
            description = "Cluster sizes to predict.")
    private List<Integer> workers;

    @Option(names = "--gpu-speedup", paramLabel = "X", defaultValue = "40",
            description = "How many times faster than one CPU core a GPU computes an iteration, for the GPU rows. "
                    + "The default is an assumption, not a measurement (no GPU was lent to measure DL4J's CUDA "
                    + "backend): encoding and applying stay on the CPU, as DLSpark's encoder runs there.")
    private double gpuSpeedup;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to create (must not exist) for scaling.md and scaling.png.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new InvalidSettingException("--out", out + " exists already");
        }
        InvalidSettingException.atLeast("--averaging-frequency", frequency, 1);
        for (int n : workers) {
            InvalidSettingException.atLeast("--workers", n, 2);
        }
        if (!(gpuSpeedup > 0)) {
            throw new InvalidSettingException("--gpu-speedup", "must be positive, got " + gpuSpeedup);
        }
        ScalingModel model = ScalingModel.calibrate(MeasuredRun.read(sharing),
                averaging == null ? null : MeasuredRun.read(averaging), frequency,
                Link.parse(calibrationLink, "--calibration-link"));
        List<Validation> validations = new ArrayList<>();
        for (String run : measured) {
            int at = run.lastIndexOf('@');
            Link link = at < 0 ? Link.LOOPBACK : Link.parse(run.substring(at + 1), "--measured");
            validations.add(Validation.of(model, MeasuredRun.read(Path.of(at < 0 ? run : run.substring(0, at))),
                    link));
        }
        List<Link> predictedLinks = links.stream().map(link -> Link.parse(link, "--links")).toList();
        MeasuredRun calibrating = model.sharing();
        List<ScalingReport.Compute> computes = List.of(
                new ScalingReport.Compute("CPU", 1, String.format(Locale.ROOT, "%.1f ms per iteration of %d "
                        + "examples, as %s measured on one core", calibrating.computeMillis(),
                        calibrating.batchSize(), calibrating.folder())),
                new ScalingReport.Compute("GPU", 1 / gpuSpeedup, String.format(Locale.ROOT, "the CPU's compute "
                        + "%.0f times faster (%.1f ms), assumed (--gpu-speedup), not measured; encoding and applying "
                        + "as on the CPU", gpuSpeedup, calibrating.computeMillis() / gpuSpeedup)));
        String markdown = report(model, validations, computes, predictedLinks);
        System.out.print(markdown);
        Path staging = out.resolveSibling(out.getFileName() + ".partial");
        FileTrees.delete(staging);
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("scaling.md"), markdown);
        ScalingChart.write(calibrating.model() + ": predicted scaling efficiency on " + predictedLinks.get(0).label(),
                lines(model, computes, predictedLinks.get(0)), staging.resolve("scaling.png"));
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("written: " + out.resolve("scaling.md") + " and " + out.resolve("scaling.png"));
        return 0;
    }

    private String report(ScalingModel model, List<Validation> validations, List<ScalingReport.Compute> computes,
            List<Link> predictedLinks) {
        StringBuilder text = new StringBuilder("# Scaling model: " + model.sharing().model() + "\n\n");
        text.append(String.format(Locale.ROOT, "Calibrated from %s (%d workers of %d examples; a sparse message of "
                + "%,.0f bytes, a dense update of %,d bytes)%s.%n%n", model.sharing().folder(),
                model.sharing().workers(), model.sharing().batchSize(), model.sizes().sparseMessageBytes(),
                model.sizes().denseBytes(), averaging == null ? "" : " and " + averaging));
        text.append(String.format(Locale.ROOT, "Calibrated: a worker waits %.3f of its compute for the slowest of two "
                + "(times sqrt(log2 n) for n); each byte a worker sends costs its hosts %.1f ns.%n%n",
                model.jitter(), model.hostNanosPerByte()));
        if (!validations.isEmpty()) {
            text.append("## Measured runs against the model\n\n").append("Each run predicted from its own compute, "
                    + "encoding and applying times and its link; examples/s are over the iterations (all workers' "
                    + "minibatches over the iteration time; each epoch's stage start aside).\n\n")
                    .append(ScalingReport.validation(validations)).append('\n');
        }
        text.append("## Predicted scaling efficiency (examples/s)\n\n");
        computes.forEach(compute -> text.append("- ").append(compute.name()).append(": ").append(compute.source())
                .append('\n'));
        text.append('\n').append(ScalingReport.predictions(model, computes, predictedLinks, workers));
        return text.toString();
    }

    private List<ScalingChart.Line> lines(ScalingModel model, List<ScalingReport.Compute> computes, Link link) {
        List<ScalingChart.Line> lines = new ArrayList<>();
        for (int c = 0; c < computes.size(); c++) {
            ScalingReport.Compute compute = computes.get(c);
            for (Exchange exchange : Exchange.values()) {
                if (model.predicts(exchange)) {
                    lines.add(new ScalingChart.Line(compute.name() + ", " + exchange.label(), workers,
                            workers.stream().map(n -> model.predict(exchange, n, link, compute.share())
                                    .efficiency()).toList(), exchange.ordinal(), c > 0));
                }
            }
        }
        return lines;
    }
}
