package io.shmbench.report;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interval of a median of ordered, possibly autocorrelated values, on synthetic data with a known answer. */
class MovingBlockBootstrapTest {
    @Test
    void runLengthIsTheRoundedSquareRoot() {
        assertEquals(1, MovingBlockBootstrap.blockLength(1));
        assertEquals(1, MovingBlockBootstrap.blockLength(2));
        assertEquals(2, MovingBlockBootstrap.blockLength(3));
        assertEquals(10, MovingBlockBootstrap.blockLength(100));
        assertEquals(45, MovingBlockBootstrap.blockLength(2000));
    }

    @Test
    void constantValuesGiveAPointInterval() {
        Interval i = MovingBlockBootstrap.medianInterval(new double[]{2.2, 2.2, 2.2, 2.2, 2.2});
        assertEquals(new Interval(2.2, 2.2), i);
        assertEquals(Interval.NONE, MovingBlockBootstrap.medianInterval(new double[0]));
        assertEquals(new Interval(3, 3), MovingBlockBootstrap.medianInterval(new double[]{3}));
    }

    @Test
    void independentValuesAroundAKnownMedianGiveATightIntervalAroundIt() {
        double[] v = independent(4000, 2.0, 0.1, 1);
        Interval i = MovingBlockBootstrap.medianInterval(v);
        assertTrue(i.contains(2.0), i.toString());
        // The median of 4000 normal values with sd 0.1 has a standard error of about 0.002.
        assertTrue(i.width() < 0.03, i.toString());
        assertTrue(i.width() > 0.002, i.toString());
    }

    @Test
    void theSameValuesAlwaysGiveTheSameInterval() {
        double[] v = autocorrelated(3000, 5);
        assertEquals(MovingBlockBootstrap.medianInterval(v), MovingBlockBootstrap.medianInterval(v.clone()));
    }

    /**
     * Values that remember their neighbours for tens of steps: the moving-block interval is several
     * times wider than the independent ones, which count every value as a new observation. On
     * independent values the two agree.
     */
    @Test
    void widensForAutocorrelatedValuesWhereAnIndependentIntervalWouldNot() {
        double[] runs = autocorrelated(4000, 11);
        double blockWidth = MovingBlockBootstrap.medianInterval(runs).width();
        double independentWidth = MovingBlockBootstrap.medianInterval(runs, 1).width();
        double orderStatisticWidth = orderStatisticInterval(runs).width();
        assertTrue(blockWidth > 3 * independentWidth, blockWidth + " vs " + independentWidth);
        assertTrue(blockWidth > 3 * orderStatisticWidth, blockWidth + " vs " + orderStatisticWidth);

        double[] plain = independent(4000, 2.5, 0.3, 12);
        double plainBlock = MovingBlockBootstrap.medianInterval(plain).width();
        double plainIndependent = MovingBlockBootstrap.medianInterval(plain, 1).width();
        assertTrue(plainBlock < 2 * plainIndependent && plainBlock > plainIndependent / 2,
                plainBlock + " vs " + plainIndependent);
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertEquals(0, MovingBlockBootstrap.percentile(sorted, 0));
        assertEquals(40, MovingBlockBootstrap.percentile(sorted, 100));
        assertEquals(5, MovingBlockBootstrap.percentile(sorted, 12.5));
    }

    static double[] independent(int n, double centre, double sd, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = centre + sd * r.nextGaussian();
        }
        return v;
    }

    /**
     * An AR(1) sequence around 2.2, {@code x[t] - 2.2 = 0.98 (x[t-1] - 2.2) + noise}: each value
     * remembers the ones before it for about fifty steps, as block ratios remember a host state.
     * Its marginal distribution is one normal bump, so the median is not stuck between two modes.
     */
    static double[] autocorrelated(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x = 0.98 * x + 0.02 * r.nextGaussian();
            v[i] = 2.2 + x;
        }
        return v;
    }

    /** The textbook distribution-free 95% interval of a median (ranks n/2 -+ 1.96 sqrt(n)/2), which assumes independence. */
    static Interval orderStatisticInterval(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        double half = 1.96 * Math.sqrt(n) / 2;
        return new Interval(s[(int) Math.floor(n / 2.0 - half)], s[(int) Math.ceil(n / 2.0 + half)]);
    }
}
