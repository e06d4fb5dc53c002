package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLabelLocation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.Range;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Grouped bars: categories along one axis, one bar per series in each, with optional error bars
 * (JMH's 99.9% confidence half-width, or any interval from its low to its high end; the low end cut
 * as {@link ErrorBars} says). A series can be drawn hollow (a faint fill inside a dashed outline in
 * the bar's colour), for values shown only to be compared with the others, such as an older
 * method's. A category can carry a mark ("timed out", "3 corrupt",
 * "unavailable") that is printed under its label in the warning colour, so a configuration without
 * a valid result shows as such instead of vanishing.
 */
public final class BarChart {
    /** One bar with its error bar from {@code low} to {@code high}; NaN ends for none, {@code value} NaN for no bar. */
    public record Bar(String series, String category, double value, double low, double high) {
    }

    /** How much white a hollow bar's fill is mixed with. */
    static final double HOLLOW_TINT = 0.82;
    static final BasicStroke HOLLOW_OUTLINE = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
            new float[]{2.5f, 1.5f}, 0f);

    private final String title;
    private final String categoryLabel;
    private final String valueLabel;
    private final List<String> series = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private final List<Bar> bars = new ArrayList<>();
    private final Map<String, String> marks = new LinkedHashMap<>();
    private final java.util.Set<String> hollow = new java.util.HashSet<>();
    private BiFunction<String, String, Color> colour = null;
    private LegendItemCollection legend = null;
    private boolean horizontal;
    private ValueAxis valueAxis;
    private boolean valueLabels;
    /** Vertical bars per category whose value labels still fit upright; with more they are turned up. */
    static final int UPRIGHT_LABELS_UP_TO = 3;
    private double logSpan = Double.POSITIVE_INFINITY;
    private double reference = Double.NaN;

    public BarChart(String title, String categoryLabel, String valueLabel) {
        this.title = title;
        this.categoryLabel = categoryLabel;
        this.valueLabel = valueLabel;
    }

    public BarChart categories(List<String> c) {
        categories.addAll(c);
        return this;
    }

    public BarChart series(List<String> s) {
        series.addAll(s);
        return this;
    }

    /** A bar with a symmetric error bar of half-width {@code error} (NaN: none). */
    public BarChart bar(String s, String category, double value, double error) {
        return bar(s, category, value, value - error, value + error);
    }

    /** A bar with an error bar from {@code low} to {@code high} (NaN: none). */
    public BarChart bar(String s, String category, double value, double low, double high) {
        bars.add(new Bar(s, category, value, low, high));
        return this;
    }

    /** Draws the bars of {@code s} hollow: a faint fill of their colour inside a dashed outline of it. */
    public BarChart hollow(String s) {
        hollow.add(s);
        return this;
    }

    /** Marks a category: its label gets {@code mark} on a second line, in the warning colour. */
    public BarChart mark(String category, String mark) {
        marks.merge(category, mark, (a, b) -> a + "; " + b);
        return this;
    }

    /** Colour of each bar by (series, category); default: series styles in order. */
    public BarChart colour(BiFunction<String, String, Color> c) {
        this.colour = c;
        return this;
    }

    /** A legend of swatches (label, colour), for when bar colours do not follow the series. */
    public BarChart legend(Map<String, Color> items) {
        legend = new LegendItemCollection();
        items.forEach((label, c) -> {
            boolean faint = hollow.contains(label);
            LegendItem item = new LegendItem(label, null, null, null, true, new Rectangle2D.Double(-3, -3, 6, 6),
                    true, faint ? Palette.tint(c, HOLLOW_TINT) : c, true, faint ? c : Color.DARK_GRAY,
                    faint ? HOLLOW_OUTLINE : new BasicStroke(0.4f), false, new Line2D.Double(), new BasicStroke(1f), c);
            item.setLabelFont(ChartStyle.LEGEND);
            legend.add(item);
        });
        return this;
    }

    /** A thin line across the bars at {@code value} (a yardstick: 1x the floor); the caption says what it is. */
    public BarChart reference(double value) {
        reference = value;
        return this;
    }

    /** Bars grow to the right; better when category labels are long or many. */
    public BarChart horizontal() {
        horizontal = true;
        return this;
    }

    /** Prints each bar's value at its end, so a zero stays visible as "0". */
    public BarChart valueLabels() {
        valueLabels = true;
        return this;
    }

    public boolean isHorizontal() {
        return horizontal;
    }

    /**
     * A log value axis (labelled decades) when the largest bar is {@code factor} times the smallest
     * positive one or more: on a linear axis the small bars would not be seen at all.
     */
    public BarChart logAxisWhenSpanning(double factor) {
        logSpan = factor;
        return this;
    }

    public BarChart valueAxis(ValueAxis axis) {
        valueAxis = axis;
        return this;
    }

    private boolean spansDecades() {
        var positive = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).summaryStatistics();
        return positive.getCount() > 0 && positive.getMax() >= logSpan * positive.getMin();
    }

    public JFreeChart build() {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Map<String, String> display = new LinkedHashMap<>();
        for (String c : categories) {
            String mark = marks.get(c);
            display.put(c, mark == null ? c : c + "\n\u2717 " + mark);
        }
        // Every (series, category) cell exists, empty where there is no bar, so categories keep their order and place.
        for (String s : series) {
            for (String c : categories) {
                data.add((Number) null, null, s, display.get(c));
            }
        }
        ValueAxis y = valueAxis != null ? valueAxis : spansDecades() ? TickedLogAxis.decades(valueLabel) : new NumberAxis(valueLabel);
        double floor = ErrorBars.floor(y, bars.stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)));
        Range[][] errorBars = new Range[series.size()][categories.size()];
        for (Bar b : bars) {
            if (!display.containsKey(b.category()) || !series.contains(b.series())) {
                throw new IllegalArgumentException("bar for unknown series/category " + b);
            }
            Double value = Double.isNaN(b.value()) ? null : b.value();
            data.add(value, null, b.series(), display.get(b.category()));
            if (value != null && !Double.isNaN(b.low()) && !Double.isNaN(b.high())) {
                errorBars[series.indexOf(b.series())][categories.indexOf(b.category())] = new Range(
                        ErrorBars.low(b.value(), b.low(), floor), b.high());
            }
        }
        java.util.Set<Integer> hollowRows = new java.util.HashSet<>();
        hollow.forEach(s -> hollowRows.add(series.indexOf(s)));
        ErrorBarRenderer renderer = new ErrorBarRenderer((row, column) -> colour != null
                ? colour.apply(series.get(row), categories.get(column)) : SeriesStyle.byIndex(row).colour(), errorBars,
                hollowRows);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.DARK_GRAY);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.3f));
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(0.6f));
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);

        CategoryAxis x = new CategoryAxis(categoryLabel);
        x.setMaximumCategoryLabelLines(3);
        x.setMaximumCategoryLabelWidthRatio(horizontal ? 0.5f : 1f);
        x.setCategoryMargin(0.2);
        x.setLowerMargin(0.04);
        x.setUpperMargin(0.04);
        if (y instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(true);
            n.setNumberFormatOverride(new SiFormat());
        }
        y.setLabel(valueLabel);
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        if (horizontal) {
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            // Long category labels leave the plot narrow; flush right, the value label may run on under them.
            y.setLabelLocation(AxisLabelLocation.HIGH_END);
        }
        if (!Double.isNaN(reference)) {
            // A ratio: bars grow from the reference (1 = as fast as the yardstick), which the axis must show.
            renderer.setBase(reference);
            renderer.setIncludeBaseInRange(true);
        } else {
            // A log axis has no zero: bars then start at the axis minimum, which must come from the data.
            renderer.setIncludeBaseInRange(!(y instanceof LogAxis));
        }
        if (legend != null) {
            plot.setFixedLegendItems(legend);
        }
        if (!Double.isNaN(reference)) {
            plot.addRangeMarker(new ValueMarker(reference, Color.DARK_GRAY, new BasicStroke(0.7f)),
                    org.jfree.chart.ui.Layer.FOREGROUND);
        }
        JFreeChart chart = ChartStyle.chart(title, plot, series.size() > 1 || legend != null);
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, colour != null ? colour.apply(series.get(i), categories.get(0))
                    : SeriesStyle.byIndex(i).colour());
        }
        if (valueLabels) {
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new SiFormat()));
            renderer.setDefaultItemLabelsVisible(true);
            y.setUpperMargin(0.12); // room for the label of the highest bar
            renderer.setDefaultItemLabelFont(ChartStyle.NOTE);
            renderer.setDefaultItemLabelPaint(Color.BLACK);
            if (!horizontal && series.size() > UPRIGHT_LABELS_UP_TO) {
                // Side by side, labels like "68.73k" are wider than their bars and run into each other: turn them up.
                y.setUpperMargin(0.3);
                renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                        TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, -Math.PI / 2));
            } else {
                renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                        horizontal ? TextAnchor.CENTER_LEFT : TextAnchor.BOTTOM_CENTER));
            }
        }
        // After the theme, which resets series colours and axis fonts.
        for (String c : categories) {
            if (marks.containsKey(c)) {
                x.setTickLabelPaint(display.get(c), Palette.WARNING);
                x.setTickLabelFont(display.get(c), ChartStyle.MARK);
            }
        }
        return chart;
    }
}
