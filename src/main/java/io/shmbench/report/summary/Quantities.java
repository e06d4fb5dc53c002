package io.shmbench.report.summary;

import io.shmbench.report.Interval;
import io.shmbench.report.Multiples;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the summary writes a number for a reader of a paper: three significant digits, the unit that
 * keeps it short, and its error or interval beside it in the same unit.
 */
final class Quantities {
    private static final String[] TIME_UNITS = {"ns", "\u00b5s", "ms", "s"};
    private static final String[] RATE_PREFIXES = {"", "k", "M", "G"};

    private Quantities() {
    }

    /** {@code 41.2 ns}, {@code 1.23 µs}, {@code 8.67 ms}. */
    static String time(double ns) {
        Scaled s = Scaled.of(ns, 1000, TIME_UNITS.length);
        return s.text() + " " + TIME_UNITS[s.power()];
    }

    /** {@code 41.2 ± 1.3 ns}: JMH's 99.9% half-width; the value alone when the error is unknown. */
    static String time(double ns, double errorNs) {
        Scaled s = Scaled.of(ns, 1000, TIME_UNITS.length);
        return s.withError(errorNs) + " " + TIME_UNITS[s.power()];
    }

    /** {@code 210 ns [200-220]}; the value alone when the interval is unknown. */
    static String time(double ns, Interval interval) {
        Scaled s = Scaled.of(ns, 1000, TIME_UNITS.length);
        return s.text() + " " + TIME_UNITS[s.power()] + s.bounds(interval);
    }

    /** {@code 5.12 ± 0.10 M msgs/s}; the value alone when the error is unknown. */
    static String rate(double perSecond, double error) {
        Scaled s = Scaled.of(perSecond, 1000, RATE_PREFIXES.length);
        String prefix = RATE_PREFIXES[s.power()];
        return s.withError(error) + " " + (prefix.isEmpty() ? "" : prefix + " ") + "msgs/s";
    }

    /** {@code 1.62x floor [1.58-1.66]}: a p50 as a multiple of the same-pair floor with its 95% interval. */
    static String multiple(double x, Interval interval) {
        return Multiples.format(x) + " floor" + (interval.isKnown()
                ? " [" + Multiples.number(interval.low()) + "-" + Multiples.number(interval.high()) + "]" : "");
    }

    /** How many times one value is another: {@code 1.90x}, {@code 25.3x}. */
    static String times(double factor) {
        return Multiples.format(factor);
    }

    /** {@code 75%}, {@code 2.1%}, {@code 0.05%}, {@code 0%}. */
    static String percent(double fraction) {
        double p = 100 * fraction;
        if (p == 0) {
            return "0%";
        }
        return round(p) + "%";
    }

    /** A relative change: whole percent from 10% on ({@code 62%}), two digits below ({@code 4.5%}, {@code 0.32%}). */
    static String change(double fraction) {
        double p = Math.abs(100 * fraction);
        if (p >= 9.95) {
            return Math.round(p) + "%";
        }
        return p == 0 ? "0%" : BigDecimal.valueOf(p).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** A share of a whole, to the nearest percent: {@code 85%}. */
    static String share(double fraction) {
        return Math.round(100 * fraction) + "%";
    }

    /** {@code 13,086}. */
    static String count(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    /** Three significant digits, no exponent, no trailing zeros after the point: 41.2, 148, 0.05. */
    static String round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "?";
        }
        return BigDecimal.valueOf(x).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    /** A value in the unit {@code base^power} that keeps it below {@code base}, with its three significant digits. */
    private record Scaled(double value, int power, double unit, int decimals) {
        static Scaled of(double raw, double base, int units) {
            int power = 0;
            double unit = 1;
            // Decide on the rounded value, so 999.7 ns is written 1.00 µs, not 1000 ns.
            while (power < units - 1 && Math.abs(rounded(raw / unit)) >= base) {
                power++;
                unit *= base;
            }
            double v = raw / unit;
            int decimals = v == 0 || Double.isNaN(v) ? 0 : Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(rounded(v)))));
            return new Scaled(v, power, unit, decimals);
        }

        private static double rounded(double v) {
            return Double.isNaN(v) || Double.isInfinite(v) ? v
                    : new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN)).doubleValue();
        }

        String text() {
            return format(value, decimals);
        }

        /** The value and {@code ± error} with as many decimals as the error needs for one significant digit (at most 3). */
        String withError(double error) {
            if (Double.isNaN(error) || Double.isInfinite(error)) {
                return text();
            }
            double e = error / unit;
            int d = decimals;
            if (e > 0) {
                d = Math.max(d, Math.min(3, -(int) Math.floor(Math.log10(e))));
            }
            return format(value, d) + " \u00b1 " + format(e, d);
        }

        /** {@code " [200-220]"} in this unit; empty when the interval is unknown. */
        String bounds(Interval i) {
            if (!i.isKnown()) {
                return "";
            }
            return " [" + format(i.low() / unit, decimals) + "-" + format(i.high() / unit, decimals) + "]";
        }

        private static String format(double v, int decimals) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
    }
}
