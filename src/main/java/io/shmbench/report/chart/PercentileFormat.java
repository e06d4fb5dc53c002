package io.shmbench.report.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Labels an axis position x = 1/(1-p) (HdrHistogram's percentile plot) with its percentile p:
 * 2 reads 50%, 10 reads 90%, 1000 reads 99.9%.
 */
public final class PercentileFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    /** The axis position of a percentile (0..100, exclusive of 100). */
    public static double position(double percentile) {
        return 1.0 / (1.0 - percentile / 100.0);
    }

    @Override
    public StringBuffer format(double x, StringBuffer to, FieldPosition pos) {
        double p = 100.0 * (1.0 - 1.0 / x);
        String text = new BigDecimal(p).round(new MathContext(10)).stripTrailingZeros().toPlainString();
        return to.append(text).append('%');
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
