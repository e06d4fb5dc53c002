package io.shmbench.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels for sizes and slot counts: 1, 16, 512, 2K, 64K, 1M (binary multiples). */
public final class BinaryFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String[] PREFIXES = {"", "K", "M", "G"};

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        long n = Math.round(number);
        int group = 0;
        while (n >= 1024 && n % 1024 == 0 && group < PREFIXES.length - 1) {
            n /= 1024;
            group++;
        }
        return to.append(n).append(PREFIXES[group]);
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are only formatted");
    }
}
