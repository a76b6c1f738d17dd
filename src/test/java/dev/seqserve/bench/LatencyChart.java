package dev.seqserve.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws p50 and p99 latency against concurrency, one line pair per endpoint and model, as a PNG. */
final class LatencyChart {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};

    private LatencyChart() {
    }

    static void write(List<HttpResult> results, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (HttpResult r : results) {
            String name = r.endpoint() + " " + r.model() + (r.setup().equals(HttpPhase.MICRO_BATCHING) ? "" : " (" + r.setup() + ")");
            series(data, name + " p50").add(r.concurrency(), r.latency().p50Ms());
            series(data, name + " p99").add(r.concurrency(), r.latency().p99Ms());
        }
        XYPlot plot = new XYPlot(data, logAxis("concurrent clients (closed loop)", 2, "0"),
                logAxis("latency (ms); solid p50, dashed p99", 10, "0.###"), renderer(data));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("seqserve: latency against concurrency (closed loop)", plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 600);
    }

    private static LogAxis logAxis(String label, int base, String format) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(base);
        axis.setSmallestValue(base == 2 ? 0.5 : 0.01);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat(format, DecimalFormatSymbols.getInstance(Locale.ROOT)));
        return axis;
    }

    /** p50 and p99 of one endpoint and model share a colour; p99 is dashed. */
    private static XYLineAndShapeRenderer renderer(XYSeriesCollection data) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean p99 = data.getSeriesKey(i).toString().endsWith("p99");
            renderer.setSeriesPaint(i, PALETTE[(i / 2) % PALETTE.length]);
            renderer.setSeriesStroke(i, p99
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        return renderer;
    }

    private static XYSeries series(XYSeriesCollection data, String key) {
        int index = data.getSeriesIndex(key);
        if (index >= 0) {
            return data.getSeries(index);
        }
        XYSeries series = new XYSeries(key);
        data.addSeries(series);
        return series;
    }
}
