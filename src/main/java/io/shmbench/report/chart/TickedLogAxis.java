package io.shmbench.report.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LogAxis} whose ticks sit where a reader expects them and whose labels are plain numbers
 * (a number format override). JFreeChart's own LogAxis picks fractional exponents and labels them
 * like 10^2.5.
 */
public final class TickedLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    /** Where the labelled (major) and unlabelled (minor) ticks go for a given axis range. */
    public interface Ticks {
        List<Double> major(Range range);

        default List<Double> minor(Range range) {
            return List.of();
        }
    }

    /** Least space between two tick labels, in points. */
    private static final double LABEL_GAP = 3;

    private final transient Ticks ticks;

    public TickedLogAxis(String label, double base, NumberFormat format, Ticks ticks) {
        super(label);
        setBase(base);
        setNumberFormatOverride(format);
        setSmallestValue(1e-12);
        setMinorTickMarksVisible(true);
        setMinorTickMarkOutsideLength(1.5f);
        setTickMarkOutsideLength(2.5f);
        this.ticks = ticks;
    }

    /** Latency, counts, rates: labelled decades (1, 10, 100, ...), with 2 and 5 added when the range is short. */
    public static TickedLogAxis decades(String label) {
        return new TickedLogAxis(label, 10, new SiFormat(), new Ticks() {
            @Override
            public List<Double> major(Range r) {
                List<Double> decades = powers(10, r, 1);
                if (decades.size() >= 3) {
                    return decades;
                }
                List<Double> finer = within(r, 1, 2, 5);
                // less than a decade (a multiple between 1.2 and 3): label enough steps to read a value off
                return finer.size() >= 3 ? finer : within(r, 1, 1.5, 2, 3, 4, 5, 7);
            }

            @Override
            public List<Double> minor(Range r) {
                List<Double> minor = new ArrayList<>();
                for (double d : powers(10, new Range(r.getLowerBound() / 10, r.getUpperBound()), 1)) {
                    for (int m = 2; m <= 9; m++) {
                        if (r.contains(d * m)) {
                            minor.add(d * m);
                        }
                    }
                }
                return minor;
            }
        });
    }

    /** The values {@code d * m} in the range, for every decade d and every mantissa m. */
    private static List<Double> within(Range r, double... mantissas) {
        List<Double> out = new ArrayList<>();
        for (double d : powers(10, new Range(r.getLowerBound() / 10, r.getUpperBound()), 1)) {
            for (double m : mantissas) {
                if (r.contains(d * m)) {
                    out.add(d * m);
                }
            }
        }
        return out;
    }

    /** Sizes and slot counts: powers of two, every 1st, 2nd or 4th labelled so at most {@code maxLabels} show. */
    public static TickedLogAxis powersOfTwo(String label, int maxLabels) {
        return new TickedLogAxis(label, 2, new BinaryFormat(), new Ticks() {
            @Override
            public List<Double> major(Range r) {
                List<Double> all = powers(2, r, 1);
                int step = 1;
                while (all.size() / step > maxLabels) {
                    step *= 2;
                }
                int s = step;
                return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % s == 0)
                        .mapToObj(all::get).toList();
            }

            @Override
            public List<Double> minor(Range r) {
                return powers(2, r, 1);
            }
        });
    }

    /**
     * HdrHistogram's percentile axis: positions x = 1/(1-p), labelled 50%, 90%, 99%, 99.9%, ... so
     * each tail decade gets the same width.
     */
    public static TickedLogAxis percentiles(String label) {
        return new TickedLogAxis(label, 10, new PercentileFormat(), new Ticks() {
            @Override
            public List<Double> major(Range r) {
                List<Double> out = new ArrayList<>();
                if (r.contains(PercentileFormat.position(50))) {
                    out.add(PercentileFormat.position(50));
                }
                if (r.getUpperBound() >= 10) { // a series of one sample spans only x = 1 (the 0th percentile)
                    out.addAll(powers(10, new Range(Math.max(10, r.getLowerBound()), r.getUpperBound()), 1));
                }
                return out;
            }
        });
    }

    /** {@code base^k} for every integer k (in steps of {@code step}) whose value lies in the range. */
    static List<Double> powers(double base, Range r, int step) {
        List<Double> out = new ArrayList<>();
        double lo = Math.max(r.getLowerBound(), 1e-12);
        int k = (int) Math.floor(Math.log(lo) / Math.log(base)) - 1;
        for (double v = Math.pow(base, k); v <= r.getUpperBound() * (1 + 1e-9); v = Math.pow(base, k += step)) {
            if (v >= lo * (1 - 1e-9)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * A series of one value (a single sample) gives an empty or vanishing auto range: LogAxis widens
     * it by an absolute 1e-8, which is lost next to values like 2.5e8, and JFreeChart then refuses
     * the range. Widen such a range by a factor instead.
     */
    @Override
    public void setRange(Range range, boolean turnOffAutoRange, boolean notify) {
        Range r = range;
        if (r.getLength() <= 0 || r.getLowerBound() * (1 + 1e-6) >= r.getUpperBound()) {
            double centre = Math.max(r.getCentralValue(), getSmallestValue());
            r = new Range(centre / 2, centre * 2);
        }
        super.setRange(r, turnOffAutoRange, notify);
    }

    /**
     * The ticks whose labels can be printed without touching the label before them: going from
     * the low end, a label that would overlap the last one kept (99.999% beside 99.9999% in a
     * 3.5 in column), or run past the chart's right edge, is left out; its tick and grid line stay.
     */
    private List<Double> apart(List<Double> values, Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        FontRenderContext frc = g2 != null ? g2.getFontRenderContext() : new FontRenderContext(null, true, true);
        boolean alongWidth = RectangleEdge.isTopOrBottom(edge);
        List<Double> kept = new ArrayList<>();
        double lastAt = Double.NaN;
        double lastHalf = 0;
        for (double v : values) {
            Rectangle2D bounds = getTickLabelFont().getStringBounds(getNumberFormatOverride().format(v), frc);
            double half = (alongWidth ? bounds.getWidth() : bounds.getHeight()) / 2;
            double at = valueToJava2D(v, dataArea, edge);
            boolean fits = !alongWidth || at + half <= dataArea.getMaxX() + ChartStyle.ROOM_RIGHT_OF_PLOT;
            if (fits && (kept.isEmpty() || Math.abs(at - lastAt) >= lastHalf + half + LABEL_GAP)) {
                kept.add(v);
                lastAt = at;
                lastHalf = half;
            }
        }
        return kept;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : TextAnchor.CENTER_LEFT;
        Range range = getRange();
        List result = new ArrayList();
        List<Double> major = ticks.major(range);
        List<Double> labelled = dataArea == null ? major : apart(major, g2, dataArea, edge);
        for (double v : major) {
            result.add(new LogTick(TickType.MAJOR, v, labelled.contains(v) ? createTickLabel(v) : null, anchor));
        }
        for (double v : ticks.minor(range)) {
            if (!major.contains(v)) {
                result.add(new LogTick(TickType.MINOR, v, null, anchor));
            }
        }
        return result;
    }
}
