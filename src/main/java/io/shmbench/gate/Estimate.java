package io.shmbench.gate;

import java.util.Locale;

/**
 * A metric's value with the interval the run gives it (NaN ends when it has none): the
 * moving-block bootstrap interval of a same-pair multiple, JMH's confidence interval of a
 * throughput, the range over rounds of a percentile. Without an interval the value stands alone,
 * so two runs' estimates overlap only when they are equal.
 */
public record Estimate(double value, double low, double high) {
    public static Estimate point(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    /** The value with a symmetric half-width ({@code NaN}: none). */
    public static Estimate withError(double value, double halfWidth) {
        return Double.isNaN(halfWidth) ? point(value) : new Estimate(value, value - halfWidth, value + halfWidth);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    private double lowEnd() {
        return hasInterval() ? Math.min(low, value) : value;
    }

    private double highEnd() {
        return hasInterval() ? Math.max(high, value) : value;
    }

    /** Whether the two intervals (or values, where there is none) share a point. */
    public boolean overlaps(Estimate other) {
        return lowEnd() <= other.highEnd() && other.lowEnd() <= highEnd();
    }

    /** The relative change from this (a baseline) to {@code current}: +0.25 for 25% more. */
    public double changeTo(Estimate current) {
        if (value == 0) {
            return current.value == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, current.value);
        }
        return (current.value - value) / Math.abs(value);
    }

    /** The interval as text, {@code [1.42, 1.50]}, or {@code none}. */
    public String intervalText() {
        return hasInterval() ? "[" + format(low) + ", " + format(high) + "]" : "none";
    }

    /** Numbers as the gate prints them: three significant digits, whole numbers with thousands grouped from 1000. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Math.abs(v) >= 999.5) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
