package io.shmbench.report.chart;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Labels an axis position x = 1/(1-p) (HdrHistogram's percentile plot) with its percentile p:
 * 2 reads 50%, 10 reads 90%, 1000 reads 99.9%.
 */
public final class PercentileFormat extends TickFormat {
    private static final long serialVersionUID = 1L;

    /** The axis position of a percentile (0..100, exclusive of 100). */
    public static double position(double percentile) {
        return 1.0 / (1.0 - percentile / 100.0);
    }

    @Override
    String label(double x) {
        double p = 100.0 * (1.0 - 1.0 / x);
        return new BigDecimal(p).round(new MathContext(10)).stripTrailingZeros().toPlainString() + "%";
    }
}
