package io.shmbench.report.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;

import java.util.stream.DoubleStream;

/**
 * Where the low end of an error bar may go. JMH's 99.9% confidence half-width over 3 iterations is
 * often larger than the score itself, but nothing the figures show (throughput, latency, CPU time)
 * can be negative: on a linear axis the bar stops at 0. A log axis has no zero, and a bar reaching
 * it would stretch the axis to 1e-12: there the bar runs to a decade below the lowest value.
 */
final class ErrorBars {
    private ErrorBars() {
    }

    /** The lowest an error bar may reach on {@code axis}, given the values plotted on it. */
    static double floor(ValueAxis axis, DoubleStream values) {
        if (!(axis instanceof LogAxis)) {
            return 0;
        }
        return values.filter(v -> v > 0).min().orElse(1) / 10;
    }

    /** The low end {@code low} of the error bar of {@code value}: at {@code floor} (never above the value) if it reaches zero. */
    static double low(double value, double low, double floor) {
        return low > 0 ? low : Math.min(floor, value);
    }
}
