package io.shmbench.report.chart;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/** Tick labels with SI prefixes: 500, 1k, 20k, 3M, 1G; short enough for a one-column figure. */
public final class SiFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private static final String[] PREFIXES = {"", "k", "M", "G", "T"};

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        if (number == 0) {
            return to.append('0');
        }
        if (Math.abs(number) < 1) {
            return to.append(new DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(number));
        }
        int group = 0;
        double v = number;
        while (Math.abs(v) >= 1000 && group < PREFIXES.length - 1) {
            v /= 1000;
            group++;
        }
        DecimalFormat f = new DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
        return to.append(f.format(v)).append(PREFIXES[group]);
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
