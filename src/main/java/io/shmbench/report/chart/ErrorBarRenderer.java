package io.shmbench.report.chart;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Bars coloured per (row, column), each with an optional error bar from its own low to high end.
 * JFreeChart's StatisticalBarRenderer only draws mean &plusmn; one half-width, which cannot stop at
 * zero (see {@link ErrorBars}) or be asymmetric (a bootstrap interval); here the bars carry no
 * half-width and this class draws the error bars. Hollow rows get a faint fill and a dashed outline
 * in the bar's colour.
 */
public final class ErrorBarRenderer extends StatisticalBarRenderer {
    private static final long serialVersionUID = 1L;

    private final transient BiFunction<Integer, Integer, Color> colour;
    private final Range[][] errorBars;
    private final Set<Integer> hollowRows;

    /** {@code errorBars[row][column]}: null for none. */
    ErrorBarRenderer(BiFunction<Integer, Integer, Color> colour, Range[][] errorBars, Set<Integer> hollowRows) {
        this.colour = colour;
        this.errorBars = errorBars;
        this.hollowRows = Set.copyOf(hollowRows);
    }

    /** The error bar of a bar, from its low to its high end; null when it has none. */
    public Range errorBar(int row, int column) {
        return row < errorBars.length && column < errorBars[row].length ? errorBars[row][column] : null;
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        Color c = colour.apply(row, column);
        return hollowRows.contains(row) ? Palette.tint(c, BarChart.HOLLOW_TINT) : c;
    }

    @Override
    public Paint getItemOutlinePaint(int row, int column) {
        return hollowRows.contains(row) ? colour.apply(row, column) : super.getItemOutlinePaint(row, column);
    }

    @Override
    public Stroke getItemOutlineStroke(int row, int column) {
        return hollowRows.contains(row) ? BarChart.HOLLOW_OUTLINE : super.getItemOutlineStroke(row, column);
    }

    /** The bars' range widened to hold every error bar. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset, boolean includeInterval) {
        Range r = super.findRangeBounds(dataset, includeInterval);
        for (Range[] row : errorBars) {
            for (Range e : row) {
                r = e == null ? r : Range.combineIgnoringNaN(r, e);
            }
        }
        return r;
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column,
                         int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        Range e = errorBar(row, column);
        int visibleRow = state.getVisibleSeriesIndex(row);
        if (e == null || visibleRow < 0) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double middle = calculateBarW0(plot, orientation, dataArea, domainAxis, state, visibleRow, column)
                + state.getBarWidth() / 2;
        double cap = state.getBarWidth() / 4;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(e.getLowerBound(), dataArea, edge);
        double high = rangeAxis.valueToJava2D(e.getUpperBound(), dataArea, edge);
        g2.setPaint(getErrorIndicatorPaint());
        g2.setStroke(getErrorIndicatorStroke());
        boolean horizontal = orientation == PlotOrientation.HORIZONTAL;
        line(g2, horizontal, low, middle, high, middle);
        line(g2, horizontal, low, middle - cap, low, middle + cap);
        line(g2, horizontal, high, middle - cap, high, middle + cap);
    }

    /** A line between (value, across) points, value along the range axis. */
    private static void line(Graphics2D g2, boolean horizontal, double v1, double a1, double v2, double a2) {
        g2.draw(horizontal ? new Line2D.Double(v1, a1, v2, a2) : new Line2D.Double(a1, v1, a2, v2));
    }
}
