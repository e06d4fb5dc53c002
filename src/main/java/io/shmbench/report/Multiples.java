package io.shmbench.report;

import java.util.Locale;

/** How a multiple of the floor is written for a reader: three significant digits and an x (1.62x, 25.3x, 253x). */
public final class Multiples {
    private Multiples() {
    }

    public static String format(double x) {
        return number(x) + "x";
    }

    /** {@code 1.62x [1.58-1.66]}; just the value when the interval is unknown. */
    public static String withInterval(double x, Interval i) {
        return i.isKnown() ? format(x) + " [" + number(i.low()) + "-" + number(i.high()) + "]" : format(x);
    }

    /** The number alone, as in {@link #format}: three significant digits. */
    public static String number(double x) {
        double a = Math.abs(x);
        String pattern = a >= 99.95 ? "%.0f" : a >= 9.995 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, x);
    }
}
