package org.dlspark.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws a retraining pipeline's test accuracy per run as a PNG, the promoted runs marked apart. */
public final class PipelineHistoryChart {

    /** One trained run: its number, test accuracy, and whether it was promoted. */
    public record Point(int run, double accuracy, boolean promoted) {
    }

    private PipelineHistoryChart() {
    }

    public static void write(String pipeline, List<Point> points, Path png) throws IOException {
        XYSeries all = new XYSeries("test accuracy");
        XYSeries promoted = new XYSeries("promoted");
        for (Point point : points) {
            all.add(point.run(), point.accuracy());
            if (point.promoted()) {
                promoted.add(point.run(), point.accuracy());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(all);
        data.addSeries(promoted);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, new Color(0x2471A3));
        renderer.setSeriesPaint(1, new Color(0x1E8449));
        renderer.setSeriesLinesVisible(1, false);
        NumberAxis runs = new NumberAxis("run");
        runs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis accuracy = new NumberAxis("test accuracy");
        accuracy.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, runs, accuracy, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("pipeline " + pipeline + ": test accuracy per run",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 800, 450);
    }
}
