package io.shmbench.report.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** A tick-label format: JFreeChart axes take a NumberFormat, but labels are only ever formatted. */
abstract class TickFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    abstract String label(double value);

    @Override
    public final StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
        return to.append(label(number));
    }

    @Override
    public final StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
        return to.append(label(number));
    }

    @Override
    public final Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are only formatted");
    }
}
