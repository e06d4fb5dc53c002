package io.shmbench.report.chart;

import java.util.List;

/** A series of an XY chart: its legend label, style and points (y interval optional, NaN when absent). */
public record Line(String label, SeriesStyle style, List<Point> points) {
    public record Point(double x, double y, double low, double high) {
        public Point(double x, double y) {
            this(x, y, Double.NaN, Double.NaN);
        }

        /** A point with a symmetric error half-width (JMH's 99.9% confidence interval). */
        public static Point withError(double x, double y, double halfWidth) {
            return Double.isNaN(halfWidth) ? new Point(x, y) : new Point(x, y, y - halfWidth, y + halfWidth);
        }
    }

    public Line {
        points = List.copyOf(points);
    }
}
