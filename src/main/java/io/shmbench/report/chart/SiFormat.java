package io.shmbench.report.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Tick labels with SI prefixes: 500, 1k, 20k, 3M, 1G; short enough for a one-column figure. */
public final class SiFormat extends TickFormat {
    private static final long serialVersionUID = 1L;
    private static final String[] PREFIXES = {"", "k", "M", "G", "T"};

    @Override
    String label(double number) {
        if (number == 0) {
            return "0";
        }
        if (Math.abs(number) < 1) {
            return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(number);
        }
        int group = 0;
        double v = number;
        while (Math.abs(v) >= 1000 && group < PREFIXES.length - 1) {
            v /= 1000;
            group++;
        }
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v) + PREFIXES[group];
    }
}
