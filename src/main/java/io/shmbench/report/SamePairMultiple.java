package io.shmbench.report;

import java.util.List;
import java.util.Optional;

/**
 * A round-trip series against the floor measured by the same two processes, interleaved with it in
 * blocks well under a millisecond apart: a change of the host's speed state hits both sides of the
 * ratio, so the ratio holds where absolute times move.
 *
 * @param all         the p50 multiple over every block
 * @param hostStates  how the blocks' floors split into host states (decided over the benchmark's series, {@link HostStates#bySeries})
 * @param byState     the p50 multiple per host state the series has blocks in (fast, then slow); empty with one state
 * @param floorP99Ns  p99 of the same-pair floor's measurement histogram (raw/floor/), NaN without one
 * @param p99Multiple the series' p99 over that floor p99, the two histograms spanning the same time
 * @param p99Interval min..max of the per-round p99 multiples, from two rounds on; else none
 * @param rounds      how many rounds gave a p99 multiple (0 without raw/rounds.csv)
 */
public record SamePairMultiple(BlockMultiple all, HostStates hostStates, List<BlockMultiple> byState, double floorP99Ns,
                               double p99Multiple, Interval p99Interval, int rounds) {
    public SamePairMultiple {
        byState = List.copyOf(byState);
    }

    /**
     * @param states            the host states of the series' benchmark ({@link HostStates#bySeries})
     * @param roundP99Multiples the series' p99 multiple in each round (raw/rounds.csv), empty without rounds
     * @param clockStepNs       the step of the run's recorded times ({@link ClockTick#ofBlocks})
     */
    public static SamePairMultiple of(FloorBlocks blocks, HostStates states, Optional<LatencySeries> series,
                                      Optional<LatencySeries> floor, List<Double> roundP99Multiples, double clockStepNs) {
        List<BlockMultiple> byState = !states.two() ? List.of() : List.of(HostStates.FAST, HostStates.SLOW).stream()
                .map(s -> BlockMultiple.of(s, blocks.only(b -> states.stateOf(b.floorP50Ns()).equals(s)), blocks.size(), clockStepNs))
                .filter(m -> m.blocks() > 0)
                .toList();
        double floorP99 = floor.map(f -> (double) f.at(99)).orElse(Double.NaN);
        double p99 = series.map(s -> (double) s.at(99)).orElse(Double.NaN);
        Interval p99Interval = roundP99Multiples.size() < 2 ? Interval.NONE
                : new Interval(roundP99Multiples.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                roundP99Multiples.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        return new SamePairMultiple(BlockMultiple.of(HostStates.ALL, blocks, blocks.size(), clockStepNs), states, byState, floorP99,
                p99 / floorP99, p99Interval, roundP99Multiples.size());
    }
}
