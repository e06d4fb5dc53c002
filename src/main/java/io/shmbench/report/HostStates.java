package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which speed state the host's CPUs were in during each block. On a shared VM the host moves the
 * two vCPUs between a fast and a slow state (within tens of milliseconds, or for whole runs); the
 * block's floor (one cache line bounced between the same two processes a moment later) shows which.
 * The states are decided once for all the series of a benchmark on one placement
 * ({@link #bySeries}), not series by series: the floor is the same line between the same two CPUs
 * whatever the series, so "fast" then means the same thing for every series of the run, including
 * one that happened to run only in the slow state. The floors are
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
    private static final String PLACEMENT = "placement";

    /**
     * The states of every series' blocks, decided over the pooled floors of the series that share a
     * benchmark and a placement (the {@code placement} parameter, where there is one).
     */
    public static Map<SeriesName, HostStates> bySeries(List<FloorBlocks> blocks) {
        Map<String, List<FloorBlocks>> pools = blocks.stream().collect(Collectors.groupingBy(
                b -> b.key().benchmark() + "@" + b.key().param(PLACEMENT).orElse(""), LinkedHashMap::new, Collectors.toList()));
        Map<SeriesName, HostStates> out = new LinkedHashMap<>();
        pools.values().forEach(pool -> {
            HostStates states = of(pool.stream().flatMapToDouble(b -> Arrays.stream(b.floors())).toArray());
            pool.forEach(b -> out.put(b.key(), states));
        });
        return out;
    }

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
