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

/** Draws predicted scaling efficiency against the number of workers (log scale), one line per series. */
public final class ScalingChart {

    /** One line: its name and its efficiency at each count of workers. */
    public record Line(String name, List<Integer> workers, List<Double> efficiency) {
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
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f));
        }
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
    }
}
