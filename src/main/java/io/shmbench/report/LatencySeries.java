package io.shmbench.report;

import org.HdrHistogram.AbstractHistogram;

/**
 * One latency series: the measurement intervals of one .hlog file added into one histogram
 * (values in nanoseconds). Warm-up intervals are not in it.
 */
public record LatencySeries(SeriesKey key, AbstractHistogram histogram, int measurementIntervals) {

    /** HdrHistogram's value at a percentile, e.g. 99.9. */
    public long at(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }
}
