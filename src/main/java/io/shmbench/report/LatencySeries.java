package io.shmbench.report;

import io.shmbench.measure.SeriesName;
import org.HdrHistogram.AbstractHistogram;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One latency series: the measurement intervals of one .hlog file added into one histogram
 * (values in nanoseconds), and, when the run has rounds, the same intervals added up per round.
 * Warm-up intervals are not in it.
 *
 * @param byRound round to the histogram of the intervals that started in that round's runs; empty
 *                for a run without raw/rounds.csv
 */
public record LatencySeries(SeriesName key, AbstractHistogram histogram, int measurementIntervals,
                            SortedMap<Integer, AbstractHistogram> byRound) {
    public LatencySeries {
        byRound = Collections.unmodifiableSortedMap(new TreeMap<>(byRound));
    }

    /** HdrHistogram's value at a percentile, e.g. 99.9. */
    public long at(double percentile) {
        return histogram.getValueAtPercentile(percentile);
    }
}
