package io.shmbench.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;

/**
 * A square matrix as coloured cells (the core-to-core round trip between every pair of CPUs) with a
 * labelled colour scale beside it. The scale is viridis: ordered, colour-blind safe and legible in
 * grey print.
 */
public final class Heatmap {
    /** One cell; NaN values are left blank. */
    public record Cell(int x, int y, double value) {
    }

    /** Cells up to this matrix size also get their value printed in them. */
    private static final int LABEL_CELLS_UP_TO = 8;

    private Heatmap() {
    }

    public static JFreeChart create(String title, String xLabel, String yLabel, String scaleLabel, List<Cell> cells) {
        List<Cell> valid = cells.stream().filter(c -> !Double.isNaN(c.value())).toList();
        double[] range = scaleRange(valid.stream().mapToDouble(Cell::value).min().orElse(0),
                valid.stream().mapToDouble(Cell::value).max().orElse(1));
        double lo = range[0];
        double hi = range[1];
        double[][] xyz = new double[3][valid.size()];
        for (int i = 0; i < valid.size(); i++) {
            xyz[0][i] = valid.get(i).x();
            xyz[1][i] = valid.get(i).y();
            xyz[2][i] = valid.get(i).value();
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(scaleLabel, xyz);
        Viridis scale = new Viridis(lo, hi);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        int n = 1 + cells.stream().mapToInt(c -> Math.max(c.x(), c.y())).max().orElse(0);
        NumberAxis x = cpuAxis(xLabel, n);
        NumberAxis y = cpuAxis(yLabel, n);
        y.setInverted(true); // row 0 at the top, as a matrix is read
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(new Color(0xF2F2F2));
        JFreeChart chart = ChartStyle.chart(title, plot, false);
        if (n <= LABEL_CELLS_UP_TO) { // after the theme, which would repaint annotations in its own colour
            for (Cell c : valid) {
                XYTextAnnotation a = new XYTextAnnotation(new SiFormat().format(c.value()), c.x(), c.y());
                a.setFont(ChartStyle.NOTE);
                a.setPaint(scale.brightness(c.value()) > 0.55 ? Color.BLACK : Color.WHITE);
                plot.addAnnotation(a);
            }
        }
        NumberAxis scaleAxis = new NumberAxis(scaleLabel);
        scaleAxis.setNumberFormatOverride(new SiFormat());
        scaleAxis.setLabelFont(ChartStyle.AXIS_LABEL);
        scaleAxis.setTickLabelFont(ChartStyle.TICK_LABEL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(8);
        legend.setAxisOffset(2);
        legend.setMargin(new RectangleInsets(4, 6, 4, 0));
        legend.setSubdivisionCount(64);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The colour scale's bounds: the values' range, widened to at least {@value #MIN_SPREAD} of their
     * middle. Cells that differ by less than that (one CPU pair on a 2-CPU host, or a flat machine)
     * then share the scale's middle colour, instead of a scale of fractions of a nanosecond that
     * paints near-equal values as opposites.
     */
    static double[] scaleRange(double min, double max) {
        double mid = (min + max) / 2;
        double half = Math.max((max - min) / 2, Math.max(Math.abs(mid) * MIN_SPREAD / 2, 0.5));
        return new double[]{mid - half, mid + half};
    }

    /** The narrowest colour scale, as a fraction of the values' middle. */
    static final double MIN_SPREAD = 0.2;

    private static NumberAxis cpuAxis(String label, int n) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setRange(-0.5, n - 0.5);
        a.setAutoRange(false);
        return a;
    }

    /** The viridis colour map, interpolated between nine of its stops. */
    static final class Viridis implements PaintScale {
        private static final int[] STOPS = {0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962,
                0xADDC30, 0xFDE725};
        private final double lo;
        private final double hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            double t = Math.clamp((value - lo) / (hi - lo), 0, 1) * (STOPS.length - 1);
            int i = Math.min((int) t, STOPS.length - 2);
            double f = t - i;
            Color a = new Color(STOPS[i]);
            Color b = new Color(STOPS[i + 1]);
            return new Color(lerp(a.getRed(), b.getRed(), f), lerp(a.getGreen(), b.getGreen(), f),
                    lerp(a.getBlue(), b.getBlue(), f));
        }

        double brightness(double value) {
            Color c = (Color) getPaint(value);
            return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        }

        private static int lerp(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
