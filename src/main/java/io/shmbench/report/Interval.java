package io.shmbench.report;

/** A range a value is estimated to lie in (for instance a 95% interval); NaN ends when there is none. */
public record Interval(double low, double high) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    /** {@code value} plus and minus {@code halfWidth} (JMH's confidence half-width); NONE when it is NaN. */
    public static Interval around(double value, double halfWidth) {
        return Double.isNaN(halfWidth) ? NONE : new Interval(value - halfWidth, value + halfWidth);
    }

    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    public boolean isKnown() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public double width() {
        return high - low;
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
