package dev.seqserve.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Line and fan charts written as PNG files, for training curves and forecasts against actuals. */
public final class Charts {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd)
    };

    private Charts() {}

    /**
     * Writes a line chart.
     *
     * @param file the PNG to write
     * @param title chart title
     * @param xLabel x-axis label
     * @param yLabel y-axis label
     * @param lines named lines, each a list of {x, y} points, drawn in insertion order
     */
    public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, List<double[]>> lines)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            XYSeries series = new XYSeries(line.getKey(), false, true);
            for (double[] point : line.getValue()) {
                series.add(point[0], point[1]);
            }
            data.addSeries(series);
        }
        JFreeChart chart =
                ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, lines.size());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 480);
    }

    /**
     * One band of a fan chart.
     *
     * @param name its legend, e.g. {@code 95% interval}
     * @param lower its lower edge, one value per point
     * @param upper its upper edge, as many
     */
    public record Band(String name, double[] lower, double[] upper) {}

    /**
     * Writes a fan chart: shaded bands (the widest first, so narrower ones stay visible) under a
     * forecast line and the actual values, all at x = 1, 2, ….
     */
    public static void fan(Path file, String title, String xLabel, String yLabel, double[] actual, double[] forecast,
            List<Band> bands) throws IOException {
        System.setProperty("java.awt.headless", "true");
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Band band : bands) {
            YIntervalSeries series = new YIntervalSeries(band.name(), false, true);
            for (int i = 0; i < forecast.length; i++) {
                series.add(i + 1, forecast[i], band.lower()[i], band.upper()[i]);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = whitePlot(chart);
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        for (int i = 0; i < bands.size(); i++) {
            float shade = 0.85f - 0.25f * i / Math.max(1, bands.size() - 1);
            bandRenderer.setSeriesFillPaint(i, new Color(shade, shade, 1f));
            bandRenderer.setSeriesPaint(i, PALETTE[0]);
            bandRenderer.setSeriesStroke(i, new BasicStroke(1.4f));
        }
        bandRenderer.setAlpha(1f);
        plot.setRenderer(0, bandRenderer);
        XYSeriesCollection actuals = new XYSeriesCollection();
        XYSeries series = new XYSeries("actual", false, true);
        for (int i = 0; i < actual.length; i++) {
            series.add(i + 1, actual[i]);
        }
        actuals.addSeries(series);
        plot.setDataset(1, actuals);
        XYLineAndShapeRenderer actualRenderer = new XYLineAndShapeRenderer(true, false);
        actualRenderer.setSeriesPaint(0, Color.BLACK);
        actualRenderer.setSeriesStroke(0, new BasicStroke(1.0f));
        plot.setRenderer(1, actualRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 480);
    }

    /**
     * Points {@code (i + 1, values[i])}, e.g. one per epoch.
     *
     * @param values the y values
     * @return the points
     */
    public static List<double[]> indexed(List<Double> values) {
        return java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> new double[] {i + 1, values.get(i)})
                .toList();
    }

    /** An insertion-ordered map for {@link #lines}. */
    public static Map<String, List<double[]>> named() {
        return new LinkedHashMap<>();
    }

    private static XYPlot whitePlot(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static void style(JFreeChart chart, int count) {
        XYPlot plot = whitePlot(chart);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        plot.setRenderer(renderer);
    }
}
