package io.shmbench.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A 95% interval for the median of a sequence whose neighbours are correlated: the moving-block
 * bootstrap (Kuensch 1989). The block ratios of a series are such a sequence: the host keeps its
 * CPUs in one speed state for tens of milliseconds, that is for many consecutive blocks, so the
 * ratios come in runs. An interval that treats them as independent (an order-statistic interval,
 * or a bootstrap of single values) counts each run many times over and comes out far too narrow.
 *
 * <p>The method: cut the sequence, in the order it was measured, into every contiguous run of
 * {@code L = max(1, round(sqrt(n)))} values; draw such runs with replacement and lay them end to end
 * until there are {@code n} values (the last run cut short); take the median. Do that
 * {@value #RESAMPLES} times; the interval is the 2.5th and 97.5th percentile of those medians (linear
 * interpolation between order statistics). The random stream starts at the same point for every
 * sequence, so the same run always gives the same interval.
 */
public final class MovingBlockBootstrap {
    public static final int RESAMPLES = 1000;
    public static final double LOW_PERCENTILE = 2.5;
    public static final double HIGH_PERCENTILE = 97.5;
    /** Any fixed value: what matters is that every report draws the same resamples. */
    private static final long RANDOM_STREAM_START = 0x6d62625f666c6f6fL;

    private MovingBlockBootstrap() {
    }

    /** The run length for {@code n} values: max(1, round(sqrt(n))). */
    public static int blockLength(int n) {
        return Math.max(1, (int) Math.round(Math.sqrt(n)));
    }

    /** The 95% interval of the median of {@code ordered} (in the order measured); NONE when it is empty. */
    public static Interval medianInterval(double[] ordered) {
        return medianInterval(ordered, blockLength(ordered.length));
    }

    /**
     * The same with a given run length; a run length of 1 is the ordinary (independent) bootstrap,
     * which the tests use to show what the runs change.
     */
    static Interval medianInterval(double[] ordered, int blockLength) {
        int n = ordered.length;
        if (n == 0) {
            return Interval.NONE;
        }
        int starts = n - blockLength + 1;
        SplittableRandom random = new SplittableRandom(RANDOM_STREAM_START);
        double[] resample = new double[n];
        double[] medians = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            for (int filled = 0; filled < n; filled += blockLength) {
                System.arraycopy(ordered, random.nextInt(starts), resample, filled, Math.min(blockLength, n - filled));
            }
            medians[b] = Median.ofFirst(resample, n);
        }
        Arrays.sort(medians);
        return new Interval(percentile(medians, LOW_PERCENTILE), percentile(medians, HIGH_PERCENTILE));
    }

    /** The {@code p}th percentile of sorted values, interpolating linearly between neighbours. */
    static double percentile(double[] sorted, double p) {
        double at = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
