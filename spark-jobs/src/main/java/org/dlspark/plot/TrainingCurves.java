package org.dlspark.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dlspark.train.EpochReport;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a run's training curves, loss and the test score (accuracy, PSNR) per epoch, one above the other, as a PNG
 * file.
 */
public final class TrainingCurves {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private TrainingCurves() {
    }

    /** Writes the curves of {@code history} to {@code png}, titled with the model's name. */
    public static void write(List<EpochReport> history, String model, Path png) throws IOException {
        XYSeries loss = new XYSeries("training loss");
        String scoreLabel = history.isEmpty() ? "score" : history.get(0).score().label();
        XYSeries score = new XYSeries("test " + scoreLabel);
        for (EpochReport report : history) {
            loss.add(report.epoch(), report.loss());
            score.add(report.epoch(), report.testScore());
        }
        NumberAxis epochs = new NumberAxis("epoch");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.add(panel(loss, "loss", new Color(0xC0392B)));
        plot.add(panel(score, scoreLabel, new Color(0x2471A3)));
        JFreeChart chart = new JFreeChart(model + ": training curves", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    private static XYPlot panel(XYSeries series, String label, Color color) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, color);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
