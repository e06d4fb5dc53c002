package io.shmbench.report;

/** A range a value is estimated to lie in (for instance a 95% interval); NaN ends when there is none. */
public record Interval(double low, double high) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

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
