package io.shmbench.report;

import java.util.Collection;
import java.util.stream.DoubleStream;

/**
 * The step in which a run's times were recorded, and the interval width it implies. A block's p50
 * is the median of {@code System.nanoTime()} differences, and on a VM whose clock source ticks in
 * steps of about 10 ns those p50s come out as 130, 131, 140, 141 ns and hardly anything between: a
 * p50 is known to about half a step either way. When the same pair of values repeats over hundreds
 * of blocks, every bootstrap resample has the same median and the interval has no width at all, so
 * a difference of 2% between two series would count as beyond the error although the clock cannot
 * see it. Every interval built from block p50s is therefore widened to at least what the step
 * resolves.
 *
 * <p>The step is estimated from the distinct values of the floors' block p50s (how often a value
 * repeats says nothing about the clock; the floor, a hundred or a few hundred nanoseconds, is where
 * the step shows, while a long round trip's p50 also carries the histogram's own rounding): the largest whole number of nanoseconds from {@value #SMALLEST_STEP_NS}
 * to {@value #LARGEST_STEP_NS} such that at least {@value #SHARE_ON_STEP} of them lie within 1 ns
 * of one of its multiples (this VM records 130 and 131 as often as not). Smaller steps are not
 * tested, since any integer lies within 1 ns of a multiple of 2 or 3. With no step found, or fewer
 * than {@value #FEWEST_VALUES} distinct values to tell a step from a coincidence, the step is 1 ns,
 * the resolution of the recorded integers.
 */
public final class ClockTick {
    static final int SMALLEST_STEP_NS = 4;
    static final int LARGEST_STEP_NS = 50;
    static final double SHARE_ON_STEP = 0.9;
    static final int FEWEST_VALUES = 8;
    /** The step when none shows in the data: times are recorded in whole nanoseconds. */
    public static final double ONE_NS = 1;

    private ClockTick() {
    }

    /** The step of all blocks' floor p50s. */
    public static double ofBlocks(Collection<FloorBlocks> blocks) {
        return of(blocks.stream().flatMap(b -> b.blocks().stream()).mapToDouble(FloorBlock::floorP50Ns).toArray());
    }

    /** The step of {@code valuesNs} (see the class comment). */
    public static double of(double[] valuesNs) {
        valuesNs = DoubleStream.of(valuesNs).distinct().toArray();
        if (valuesNs.length < FEWEST_VALUES) {
            return ONE_NS;
        }
        for (int step = LARGEST_STEP_NS; step >= SMALLEST_STEP_NS; step--) {
            int onStep = 0;
            for (double v : valuesNs) {
                double off = Math.abs(v - step * Math.rint(v / step));
                if (off <= 1) {
                    onStep++;
                }
            }
            if (onStep >= SHARE_ON_STEP * valuesNs.length) {
                return step;
            }
        }
        return ONE_NS;
    }

    /**
     * {@code interval} of a ratio of two times widened to at least what the step resolves: each time
     * is known to half a step, so the ratio to {@code ratio x (1 +- step/2 x (1/numerator + 1/denominator))}.
     */
    public static Interval ratioAtLeast(Interval interval, double ratio, double numeratorNs, double denominatorNs,
                                        double stepNs) {
        double relative = stepNs / 2 * (1 / numeratorNs + 1 / denominatorNs);
        return atLeast(interval, ratio * (1 - relative), ratio * (1 + relative));
    }

    /** {@code interval} of a time widened to at least half a step either side of {@code valueNs}. */
    public static Interval timeAtLeast(Interval interval, double valueNs, double stepNs) {
        return atLeast(interval, valueNs - stepNs / 2, valueNs + stepNs / 2);
    }

    private static Interval atLeast(Interval interval, double low, double high) {
        if (!interval.isKnown() || Double.isNaN(low) || Double.isNaN(high)) {
            return interval;
        }
        return new Interval(Math.min(interval.low(), low), Math.max(interval.high(), high));
    }
}
