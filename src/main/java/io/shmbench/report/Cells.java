package io.shmbench.report;

import java.math.BigDecimal;

/** How numbers are written into the tidy CSV files: plain decimal, exact, empty when unknown. */
public final class Cells {
    private Cells() {
    }

    /**
     * A double as the shortest decimal that reads back as the same double (no exponent, so every
     * CSV reader takes it); empty for NaN or infinity.
     */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
