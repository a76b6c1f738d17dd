package dev.seqserve.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws p50 and p99 latency against concurrency, one line pair per endpoint and model, as a PNG. */
final class LatencyChart {

    private LatencyChart() {
    }

    static void write(List<HttpResult> results, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (HttpResult r : results) {
            String name = r.endpoint() + " " + r.model() + (r.setup().equals("micro-batching") ? "" : " (" + r.setup() + ")");
            series(data, name + " p50").add(r.concurrency(), r.latency().p50Ms());
            series(data, name + " p99").add(r.concurrency(), r.latency().p99Ms());
        }
        LogAxis concurrency = new LogAxis("concurrent clients");
        concurrency.setBase(2);
        concurrency.setSmallestValue(0.5);
        LogAxis latency = new LogAxis("latency (ms)");
        latency.setSmallestValue(0.01);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            boolean p99 = data.getSeriesKey(i).toString().endsWith("p99");
            renderer.setSeriesStroke(i, p99
                    ? new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, concurrency, latency, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("seqserve: latency against concurrency (closed loop)", plot);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1000, 600);
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
