package org.dlspark.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Draws a confusion matrix as a PNG heat map: actual classes down the side, predicted classes along the bottom, both
 * named, each cell shaded by the share of its actual class and labelled with its count.
 */
public final class ConfusionMatrixChart {

    private static final int CELL = 70;
    private static final int MARGIN = 220;

    private ConfusionMatrixChart() {
    }

    /** Writes {@code counts} (indexed {@code [actual][predicted]}) over {@code classNames} to {@code png}. */
    public static void write(long[][] counts, List<String> classNames, String title, Path png) throws IOException {
        int n = classNames.size();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] shares = new double[n * n];
        XYPlot plot = new XYPlot();
        for (int actual = 0; actual < n; actual++) {
            long total = 0;
            for (long count : counts[actual]) {
                total += count;
            }
            for (int predicted = 0; predicted < n; predicted++) {
                int i = actual * n + predicted;
                xs[i] = predicted;
                ys[i] = actual;
                shares[i] = total == 0 ? 0 : (double) counts[actual][predicted] / total;
                XYTextAnnotation label = new XYTextAnnotation(Long.toString(counts[actual][predicted]), predicted,
                        actual);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                label.setPaint(shares[i] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("share of the actual class", new double[][] {xs, ys, shares});
        String[] names = classNames.toArray(String[]::new);
        SymbolAxis predictedAxis = new SymbolAxis("predicted class", names);
        predictedAxis.setVerticalTickLabels(true);
        SymbolAxis actualAxis = new SymbolAxis("actual class", names);
        actualAxis.setInverted(true);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new BluePaintScale());
        plot.setDataset(dataset);
        plot.setDomainAxis(predictedAxis);
        plot.setRangeAxis(actualAxis);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        int side = MARGIN + CELL * n;
        ChartUtils.saveChartAsPNG(png.toFile(), chart, side, side);
    }

    /** White for 0, deep blue for 1. */
    private static final class BluePaintScale implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public java.awt.Paint getPaint(double value) {
            double v = Math.max(0, Math.min(1, value));
            return new Color((int) (255 - 222 * v), (int) (255 - 153 * v), (int) (255 - 75 * v));
        }
    }
}
