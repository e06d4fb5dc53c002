package io.shmbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one series is drawn: colour, marker shape and line dash. Every transport has the same style in
 * every figure (shared-memory transports solid, kernel transports dashed), so a reader learns it
 * once; other series take styles in order.
 */
public record SeriesStyle(Color colour, Shape shape, float[] dash) {
    private static final float[] SOLID = null;
    private static final float[] DASHED = {4f, 2f};
    private static final float[] DOTTED = {1.2f, 1.6f};
    private static final float[] DASH_DOT = {4f, 1.5f, 1.2f, 1.5f};
    private static final float LINE_WIDTH = 1.1f;
    private static final double MARK = 2.2;

    private static final List<Shape> SHAPES = List.of(circle(), square(), triangleUp(), diamond(), triangleDown(),
            cross(), circle(), square(), triangleUp(), diamond());

    /** The suite's transports (as `Transports` names them) in a fixed style each. */
    private static final Map<String, SeriesStyle> TRANSPORTS = Map.ofEntries(
            Map.entry("floor", new SeriesStyle(Palette.BLACK, SHAPES.get(5), DOTTED)),
            Map.entry("shm-ring", new SeriesStyle(Palette.VERMILLION, SHAPES.get(0), SOLID)),
            // The same ring with a C peer: its colour, another line (percentile plots draw no markers) and marker.
            Map.entry("shm-ring-c", new SeriesStyle(Palette.VERMILLION, SHAPES.get(4), DASH_DOT)),
            Map.entry("agrona", new SeriesStyle(Palette.REDDISH_PURPLE, SHAPES.get(1), SOLID)),
            Map.entry("chronicle-queue", new SeriesStyle(Palette.BLUISH_GREEN, SHAPES.get(2), SOLID)),
            Map.entry("chronicle-style", new SeriesStyle(Palette.BLUE, SHAPES.get(3), SOLID)),
            Map.entry("uds", new SeriesStyle(Palette.SKY_BLUE, SHAPES.get(4), DASHED)),
            Map.entry("tcp", new SeriesStyle(Palette.ORANGE, SHAPES.get(1), DASHED)),
            Map.entry("pipe", new SeriesStyle(Palette.GREY, SHAPES.get(2), DASHED)),
            Map.entry("fifo", new SeriesStyle(Palette.YELLOW, SHAPES.get(3), DASHED)),
            Map.entry("mq", new SeriesStyle(Palette.BLACK, SHAPES.get(0), DASH_DOT)));

    /** The fixed style of a known transport, or a style by position for an unknown one. */
    public static SeriesStyle forTransport(String transport, int fallbackIndex) {
        SeriesStyle s = TRANSPORTS.get(transport.toLowerCase(Locale.ROOT));
        return s != null ? s : byIndex(fallbackIndex);
    }

    public static boolean isKnownTransport(String transport) {
        return TRANSPORTS.containsKey(transport.toLowerCase(Locale.ROOT));
    }

    /** Styles for series that are not transports: palette colours in order, then shapes and dashes cycle. */
    public static SeriesStyle byIndex(int i) {
        List<Color> colours = Palette.SEQUENCE;
        Color colour = colours.get(i % colours.size());
        float[][] dashes = {SOLID, DASHED, DASH_DOT};
        return new SeriesStyle(colour, SHAPES.get(i % SHAPES.size()), dashes[(i / colours.size()) % dashes.length]);
    }

    /**
     * An expectation drawn beside a measured series: its colour, dotted, no markers (nothing was
     * measured at its points).
     */
    public SeriesStyle expected() {
        return new SeriesStyle(colour, null, DOTTED);
    }

    /** Expectations at single points: black crosses, larger than the measured markers, with no line between them. */
    public static final SeriesStyle EXPECTED_POINTS = new SeriesStyle(Palette.BLACK, bigCross(), null);

    /** A measured limit drawn over the series it bounds (the sink alone on Q1's throughput): black dashes, no markers. */
    public static final SeriesStyle CEILING = new SeriesStyle(Palette.BLACK, null, DASHED);

    /** Whether the series is drawn as markers only (no line joins its points). */
    public boolean markersOnly() {
        return this == EXPECTED_POINTS;
    }

    /** The same colour and shape with another dash (used to tell p99 from p50 of one series). */
    public SeriesStyle dashed() {
        return new SeriesStyle(colour, shape, DASHED);
    }

    public Stroke stroke() {
        return dash == null
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, dash, 0f);
    }

    private static Shape bigCross() {
        double a = MARK * 1.6;
        double w = 0.55;
        return polygon(-a, -a + w, -a + w, -a, 0, -w, a - w, -a, a, -a + w, w, 0, a, a - w, a - w, a, 0, w, -a + w, a,
                -a, a - w, -w, 0);
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-MARK, -MARK, 2 * MARK, 2 * MARK);
    }

    private static Shape square() {
        double s = MARK * 0.9;
        return new Rectangle2D.Double(-s, -s, 2 * s, 2 * s);
    }

    private static Shape triangleUp() {
        return polygon(0, -MARK * 1.1, MARK * 1.1, MARK * 0.9, -MARK * 1.1, MARK * 0.9);
    }

    private static Shape triangleDown() {
        return polygon(0, MARK * 1.1, MARK * 1.1, -MARK * 0.9, -MARK * 1.1, -MARK * 0.9);
    }

    private static Shape diamond() {
        return polygon(0, -MARK * 1.2, MARK * 1.2, 0, 0, MARK * 1.2, -MARK * 1.2, 0);
    }

    private static Shape cross() {
        double a = MARK * 1.1;
        double b = MARK * 0.35;
        return polygon(-b, -a, b, -a, b, -b, a, -b, a, b, b, b, b, a, -b, a, -b, b, -a, b, -a, -b, -b, -b);
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
