package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.util.List;

/**
 * Line charts: HdrHistogram-style percentile plots and y-against-x lines with optional error bars. A
 * chart of one line has no legend; the caller names that line in the title if it needs naming.
 */
public final class XYCharts {
    private XYCharts() {
    }

    /**
     * Latency by percentile: x = 1/(1-p) on a log axis labelled 50%, 90%, 99%, ...; y latency on a
     * log axis. Points at p = 100% (x infinite) must be left out by the caller.
     */
    public static JFreeChart percentiles(String title, String yLabel, List<Line> lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            XYSeries s = new XYSeries(line.label(), false, true);
            line.points().forEach(p -> s.add(p.x(), p.y()));
            data.addSeries(s);
        }
        renderer.setDefaultLegendShape(new java.awt.geom.Line2D.Double(-7, 0, 7, 0));
        TickedLogAxis x = TickedLogAxis.percentiles("percentile");
        x.setLowerMargin(0);
        x.setUpperMargin(0.02);
        TickedLogAxis y = TickedLogAxis.decades(yLabel);
        JFreeChart chart = ChartStyle.chart(title, new XYPlot(data, x, y, renderer), lines.size() > 1);
        style(renderer, lines);
        return chart;
    }

    /** Lines with markers; y intervals drawn as error bars when a point has them. */
    public static JFreeChart lines(String title, ValueAxis x, ValueAxis y, List<Line> lines) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(3);
        renderer.setErrorStroke(new java.awt.BasicStroke(0.6f));
        double floor = ErrorBars.floor(y, lines.stream().flatMap(l -> l.points().stream()).mapToDouble(Line.Point::y));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            YIntervalSeries s = new YIntervalSeries(line.label(), false, true);
            for (Line.Point p : line.points()) {
                boolean interval = !Double.isNaN(p.low());
                s.add(p.x(), p.y(), interval ? ErrorBars.low(p.y(), p.low(), floor) : p.y(), interval ? p.high() : p.y());
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartStyle.chart(title, new XYPlot(data, x, y, renderer), lines.size() > 1);
        style(renderer, lines);
        return chart;
    }

    /** After the theme, which would otherwise replace the series colours with its own. */
    private static void style(XYLineAndShapeRenderer r, List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            SeriesStyle style = lines.get(i).style();
            r.setSeriesPaint(i, style.colour());
            r.setSeriesStroke(i, style.stroke());
            r.setSeriesShape(i, style.shape());
            r.setSeriesShapesFilled(i, true);
        }
    }
}
