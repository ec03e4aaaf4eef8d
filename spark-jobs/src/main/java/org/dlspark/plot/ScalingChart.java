package org.dlspark.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws predicted scaling efficiency against the number of workers (log scale), one line per series: a colour per
 * family of lines (such as an exchange), solid or dashed within it (such as CPU or GPU).
 */
public final class ScalingChart {

    private static final Color[] COLOURS = {new Color(0xC0392B), new Color(0x2471A3), new Color(0x1E8449),
        new Color(0xCA6F1E), new Color(0x7D3C98), new Color(0x566573)};

    /**
     * One line: its name, its efficiency at each count of workers, its family's index (its colour) and whether it
     * is dashed.
     */
    public record Line(String name, List<Integer> workers, List<Double> efficiency, int family, boolean dashed) {
    }

    private ScalingChart() {
    }

    public static void write(String title, List<Line> lines, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Line line : lines) {
            XYSeries series = new XYSeries(line.name());
            for (int i = 0; i < line.workers().size(); i++) {
                series.add(line.workers().get(i).doubleValue(), line.efficiency().get(i));
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "workers", "scaling efficiency", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis workers = new LogAxis("workers");
        workers.setBase(2);
        workers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.setDomainAxis(workers);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.05);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            plot.getRenderer().setSeriesPaint(i, COLOURS[line.family() % COLOURS.length]);
            plot.getRenderer().setSeriesStroke(i, line.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f) : new BasicStroke(2f));
        }
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    }
}
