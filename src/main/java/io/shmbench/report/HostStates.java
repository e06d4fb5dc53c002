package io.shmbench.report;

import java.util.Arrays;

/**
 * Which speed state the host's CPUs were in during each block. On a shared VM the host moves the
 * two vCPUs between a fast and a slow state within tens of milliseconds; the block's floor (one
 * cache line bounced between the same two processes a moment later) shows which. The floors are
 * split by {@link OtsuThreshold} on their logarithm (the states differ by a factor, not an amount);
 * two states are reported only when each holds at least {@value #MIN_SHARE} of the blocks and the
 * slow state's median floor is at least {@value #MIN_FLOOR_RATIO} times the fast state's, so noise
 * around one state or a few stray slow blocks do not make a second one.
 *
 * @param thresholdNs the floor (ns) that separates fast from slow; NaN when there is one state
 */
public record HostStates(double thresholdNs) {
    public static final String ALL = "all";
    public static final String FAST = "fast";
    public static final String SLOW = "slow";
    public static final double MIN_SHARE = 0.05;
    public static final double MIN_FLOOR_RATIO = 1.5;
    public static final HostStates ONE = new HostStates(Double.NaN);

    /** The states of blocks with these floors (ns), in any order. */
    public static HostStates of(double[] floorNs) {
        double[] logs = Arrays.stream(floorNs).map(Math::log).toArray();
        double cut = OtsuThreshold.of(logs);
        if (Double.isNaN(cut)) {
            return ONE;
        }
        double threshold = Math.exp(cut);
        double[] fast = Arrays.stream(floorNs).filter(f -> f < threshold).toArray();
        double[] slow = Arrays.stream(floorNs).filter(f -> f >= threshold).toArray();
        double smaller = Math.min(fast.length, slow.length);
        boolean apart = Median.of(slow) >= MIN_FLOOR_RATIO * Median.of(fast);
        return smaller >= MIN_SHARE * floorNs.length && apart ? new HostStates(threshold) : ONE;
    }

    public boolean two() {
        return !Double.isNaN(thresholdNs);
    }

    /** {@link #FAST} or {@link #SLOW} for a block with this floor; {@link #ALL} when there is one state. */
    public String stateOf(double floorNs) {
        if (!two()) {
            return ALL;
        }
        return floorNs < thresholdNs ? FAST : SLOW;
    }
}
