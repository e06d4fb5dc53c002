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

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.ValueMarker;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Opacity of a scatter dot: where thousands overlap, the density still shows. */
    private static final int DOT_ALPHA = 90;
    private static final double DOT_RADIUS = 1.1;

    /**
     * Every point as a small translucent dot in its series' colour, no lines: many observations of
     * a few series. The legend shows the colours opaque. {@code verticalLines} are dashed lines across
     * the plot at those x values (thresholds), named in the legend by {@code lineLabel}.
     */
    public static JFreeChart scatter(String title, ValueAxis x, ValueAxis y, List<Line> series, List<Double> verticalLines,
                                     String lineLabel) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDrawOutlines(false);
        LegendItemCollection legend = new LegendItemCollection();
        // A square: at this size it looks like a dot, and SVG writes it as a short <rect> instead of four curves.
        Shape dot = new Rectangle2D.Double(-DOT_RADIUS, -DOT_RADIUS, 2 * DOT_RADIUS, 2 * DOT_RADIUS);
        for (Line line : series) {
            XYSeries s = new XYSeries(line.label(), false, true);
            line.points().forEach(p -> s.add(p.x(), p.y()));
            data.addSeries(s);
            legend.add(legendItem(new LegendItem(line.label(), null, null, null, new Ellipse2D.Double(-3, -3, 6, 6),
                    line.style().colour())));
        }
        BasicStroke dashed = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[]{3f, 2f}, 0f);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (double at : verticalLines) {
            plot.addDomainMarker(new ValueMarker(at, Color.BLACK, dashed));
        }
        if (!verticalLines.isEmpty()) {
            legend.add(legendItem(new LegendItem(lineLabel, null, null, null, new Line2D.Double(-7, 0, 7, 0), dashed,
                    Color.BLACK)));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart(title, plot, legend.getItemCount() > 1);
        for (int i = 0; i < series.size(); i++) { // after the theme, which resets series colours
            Color c = series.get(i).style().colour();
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), DOT_ALPHA));
            renderer.setSeriesShape(i, dot);
        }
        return chart;
    }

    /**
     * Labels of expectation lines closer than this factor on a log axis would overlap on one side
     * (a label is about a third of a decade high in the suite's figure size).
     */
    private static final double LABEL_CLEARANCE = 3;

    /**
     * Horizontal expectation lines, dash-dotted grey (expected, not measured), each label below its
     * line at the right end, unless the nearest line below it has its label there within
     * {@link #LABEL_CLEARANCE}x; then at the left end (where a latency curve is lowest), or at the
     * right after all if the left is crowded too.
     */
    public static void expectationLines(JFreeChart chart, Map<Double, String> labelsByY) {
        double lastRight = 0;
        double lastLeft = 0;
        for (Map.Entry<Double, String> line : new TreeMap<>(labelsByY).entrySet()) {
            double y = line.getKey();
            boolean left = lastRight > 0 && y < lastRight * LABEL_CLEARANCE && (lastLeft == 0 || y >= lastLeft * LABEL_CLEARANCE);
            expectationLine(chart, y, line.getValue(), left);
            if (left) {
                lastLeft = y;
            } else {
                lastRight = y;
            }
        }
    }

    /**
     * A horizontal expectation line across an XY plot at {@code y}, dash-dotted grey, its label
     * inside the plot below the line, at the right end or the left: expected, not measured.
     */
    private static void expectationLine(JFreeChart chart, double y, String label, boolean labelLeft) {
        ValueMarker marker = new ValueMarker(y, Palette.GREY, new BasicStroke(0.7f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 1f, new float[]{4f, 1.5f, 1.2f, 1.5f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(ChartStyle.LEGEND);
        marker.setLabelPaint(Color.DARK_GRAY);
        // At the right end, under the line: a latency curve's tail rises there, so the text rarely
        // covers a measured line; no box behind it, which would hide whatever it does cross.
        marker.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        marker.setLabelAnchor(labelLeft ? org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT : org.jfree.chart.ui.RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(labelLeft ? org.jfree.chart.ui.TextAnchor.TOP_LEFT : org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(1, 3, 1, 3));
        chart.getXYPlot().addRangeMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
    }

    private static LegendItem legendItem(LegendItem item) {
        item.setLabelFont(ChartStyle.LEGEND);
        return item;
    }

    /** After the theme, which would otherwise replace the series colours with its own. */
    private static void style(XYLineAndShapeRenderer r, List<Line> lines) {
        for (int i = 0; i < lines.size(); i++) {
            SeriesStyle style = lines.get(i).style();
            r.setSeriesPaint(i, style.colour());
            r.setSeriesStroke(i, style.stroke());
            if (style.markersOnly()) {
                r.setSeriesLinesVisible(i, false);
            }
            if (style.shape() == null) { // an expectation: a line with no measured points on it
                r.setSeriesShapesVisible(i, false);
            } else {
                r.setSeriesShape(i, style.shape());
                r.setSeriesShapesFilled(i, true);
            }
        }
    }
}
