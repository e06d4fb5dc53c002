package io.shmbench.gate;

import io.shmbench.report.HostStates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pairs a series' same-pair p50 multiples of two runs by host state. On a shared VM the multiple
 * depends on the state the host's CPUs were in (a ring round trip is about 1.4x the floor in the
 * fast state and 2x in the slow one here), and which share of a run falls in each state changes
 * from run to run; the all-blocks multiple mixes them, so it moves with that share alone. Only
 * multiples of the same state are compared:
 *
 * <ul>
 *   <li>both runs in two states: fast with fast ({@code p50_x_floor fast}), slow with slow;</li>
 *   <li>one run in two states, the other in one: that one is matched to the state whose median
 *       floor is nearest to its own;</li>
 *   <li>both in one state: compared as {@code p50_x_floor}.</li>
 * </ul>
 *
 * Two states match only when their median floors are within {@link HostStates#MIN_FLOOR_RATIO} of
 * each other, the factor that separates two states within a run; otherwise the runs saw different
 * states and the multiple is shown, not gated. The all-blocks multiple of a run in two states is
 * shown, not gated.
 */
final class StatePairing {
    private StatePairing() {
    }

    static List<MetricPair> pair(String series, List<StateMultiple> baseline, List<StateMultiple> current) {
        List<MetricPair> out = new ArrayList<>();
        Optional<StateMultiple> baseAll = state(baseline, HostStates.ALL);
        Optional<StateMultiple> curAll = state(current, HostStates.ALL);
        boolean baseSplit = state(baseline, HostStates.FAST).isPresent();
        boolean curSplit = state(current, HostStates.FAST).isPresent();
        if (!baseSplit && !curSplit) {
            if (baseAll.isPresent() && curAll.isPresent() && !sameState(baseAll.get(), curAll.get())) {
                out.add(pair(series, RunMetrics.P50_X_FLOOR, baseAll, curAll, Optional.of(String.format(Locale.ROOT,
                        "the runs saw different host states (floor p50 %s ns / %s ns)",
                        Estimate.format(baseAll.get().floorNs()), Estimate.format(curAll.get().floorNs())))));
            } else {
                out.add(pair(series, RunMetrics.P50_X_FLOOR, baseAll, curAll, Optional.empty()));
            }
            return out;
        }
        if (baseSplit && curSplit) {
            for (String s : List.of(HostStates.FAST, HostStates.SLOW)) {
                out.add(pair(series, name(s), state(baseline, s), state(current, s), Optional.empty()));
            }
        } else {
            List<StateMultiple> split = baseSplit ? baseline : current;
            Optional<StateMultiple> single = baseSplit ? curAll : baseAll;
            if (single.isEmpty()) { // the series is in one run only: nothing to match, shown as missing or new
                for (String s : List.of(HostStates.FAST, HostStates.SLOW)) {
                    Optional<StateMultiple> mine = state(split, s);
                    out.add(baseSplit ? pair(series, name(s), mine, single, Optional.empty())
                            : pair(series, name(s), single, mine, Optional.empty()));
                }
                return out;
            }
            String nearest = nearest(split, single.get());
            for (String s : List.of(HostStates.FAST, HostStates.SLOW)) {
                Optional<StateMultiple> mine = state(split, s);
                boolean matched = nearest.equals(s) && sameState(mine.orElseThrow(), single.get());
                Optional<StateMultiple> other = matched ? single : Optional.empty();
                Optional<String> held = matched ? Optional.empty()
                        : Optional.of("the " + (baseSplit ? "current" : "baseline") + " run has no blocks in this host state");
                out.add(baseSplit ? pair(series, name(s), mine, other, held) : pair(series, name(s), other, mine, held));
            }
        }
        out.add(pair(series, name(HostStates.ALL), baseAll, curAll,
                Optional.of("mixes host states: compare the states' multiples")));
        return out;
    }

    private static String name(String state) {
        return RunMetrics.P50_X_FLOOR + " " + state;
    }

    private static MetricPair pair(String series, String name, Optional<StateMultiple> b, Optional<StateMultiple> c,
                                   Optional<String> held) {
        return new MetricPair(series, name, Direction.LOWER_IS_BETTER, false, b.map(StateMultiple::multiple),
                c.map(StateMultiple::multiple), held);
    }

    private static Optional<StateMultiple> state(List<StateMultiple> states, String name) {
        return states.stream().filter(s -> s.state().equals(name)).findFirst();
    }

    /** The fast or slow state of {@code split} whose median floor is nearest {@code one}'s, on a log scale. */
    private static String nearest(List<StateMultiple> split, StateMultiple one) {
        double fast = distance(state(split, HostStates.FAST).orElseThrow(), one);
        double slow = distance(state(split, HostStates.SLOW).orElseThrow(), one);
        return fast <= slow ? HostStates.FAST : HostStates.SLOW;
    }

    private static double distance(StateMultiple a, StateMultiple b) {
        return Math.abs(Math.log(a.floorNs() / b.floorNs()));
    }

    /** Median floors within the factor that tells two states apart (unknown floors: assumed the same). */
    private static boolean sameState(StateMultiple a, StateMultiple b) {
        if (Double.isNaN(a.floorNs()) || Double.isNaN(b.floorNs())) {
            return true;
        }
        return Math.max(a.floorNs(), b.floorNs()) < HostStates.MIN_FLOOR_RATIO * Math.min(a.floorNs(), b.floorNs());
    }
}
