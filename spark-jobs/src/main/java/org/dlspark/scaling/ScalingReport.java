package org.dlspark.scaling;

import java.util.List;
import java.util.Locale;

/** The scaling model's tables in Markdown: its validation against measured runs, and its predictions. */
public final class ScalingReport {

    /**
     * One compute speed the predictions are made at, and where its figure comes from.
     *
     * @param share the compute time per iteration as a share of the measured one (1: as measured)
     */
    public record Compute(String name, double share, String source) {
    }

    private ScalingReport() {
    }

    /** The table of measured runs beside their predictions. */
    public static String validation(List<Validation> validations) {
        StringBuilder table = new StringBuilder("| run | workers | exchange | link | compute ms | measured ms "
                + "(exchange) | predicted ms (wire and host + wait) | measured examples/s | predicted | error |\n"
                + "| --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Validation v : validations) {
            MeasuredRun run = v.run();
            Prediction p = v.predicted();
            table.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %.1f | %.1f (%.1f) | %.1f (%.1f + %.1f) "
                    + "| %,.0f | %,.0f | %+.1f%% |%n", run.folder().getFileName(), run.workers(), run.exchange(),
                    v.link().label(), run.computeMillis(), run.iterationMillis(), run.exchangeMillis(),
                    p.iterationMillis(), p.wireMillis(), p.waitMillis(), run.examplesPerSecond(),
                    p.examplesPerSecond(run.batchSize()), 100 * v.error()));
        }
        return table.toString();
    }

    /**
     * The predicted scaling efficiency (and examples per second) of every exchange the model predicts, on each of
     * {@code links}, at each compute speed, for each count of {@code workers}.
     */
    public static String predictions(ScalingModel model, List<Compute> computes, List<Link> links,
            List<Integer> workers) {
        StringBuilder table = new StringBuilder("| compute | link | exchange |");
        workers.forEach(n -> table.append(String.format(Locale.ROOT, " %,d workers |", n)));
        table.append("\n| --- | --- | --- |").append(" ---: |".repeat(workers.size())).append('\n');
        int batch = model.sharing().batchSize();
        for (Compute compute : computes) {
            for (Link link : links) {
                for (Exchange exchange : Exchange.values()) {
                    if (!model.predicts(exchange)) {
                        continue;
                    }
                    table.append("| ").append(compute.name()).append(" | ").append(link.label()).append(" | ")
                            .append(exchange.label()).append(" |");
                    for (int n : workers) {
                        Prediction p = model.predict(exchange, n, link, compute.share());
                        table.append(String.format(Locale.ROOT, " %.2f (%s/s) |", p.efficiency(),
                                compact(p.examplesPerSecond(batch))));
                    }
                    table.append('\n');
                }
            }
        }
        return table.toString();
    }

    /** 950, 12.3k, 4.56M. */
    static String compact(double value) {
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (value >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", value / 1e3);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
