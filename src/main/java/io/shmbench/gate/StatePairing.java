package io.shmbench.gate;

import io.shmbench.report.HostStates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pairs a series' same-pair p50 multiples of two runs by host state. On a shared VM the multiple
 * depends on the state the host's CPUs were in (a ring round trip is about 1.5x the floor when the
 * floor takes 130 ns here and 2x when it takes 350 ns), and the share of a run in each state changes
 * from run to run, so the all-blocks multiple moves with that share alone. Only multiples of the
 * same state are compared, and a state is known by its median floor, not by its label: each run's
 * states ({@code fast} and {@code slow} when its blocks fell into two, else its one {@code all}) are
 * paired with the other run's state whose median floor is nearest, both ways round, and only when the
 * two floors are within {@link #SAME_STATE_FLOOR_RATIO} of each other. A busy host adds a state the
 * two labels do not tell apart: here the floor's median sat at 110-130 ns, at 200-250 ns while other
 * processes competed for the two CPUs, and at 320-390 ns, and a run's "fast" at 230 ns is not another
 * run's "fast" at 130 ns; such a multiple is shown, not gated. The all-blocks multiple of a run in
 * two states is shown, not gated.
 */
final class StatePairing {
    /**
     * Two median floors this close or closer are one host state: the floors of one state varied by
     * up to 1.25x here (200 to 250 ns, 320 to 390 ns), those of neighbouring states by 1.28x or more.
     */
    static final double SAME_STATE_FLOOR_RATIO = 1.25;

    private StatePairing() {
    }

    static List<MetricPair> pair(String series, List<StateMultiple> baseline, List<StateMultiple> current) {
        List<MetricPair> out = new ArrayList<>();
        List<StateMultiple> base = states(baseline);
        List<StateMultiple> cur = states(current);
        if (base.isEmpty() || cur.isEmpty()) { // the series is in one run only: shown as missing or new
            for (StateMultiple s : base.isEmpty() ? cur : base) {
                out.add(pair(series, name(s, s), base.isEmpty() ? null : s, base.isEmpty() ? s : null, Optional.empty()));
            }
            return out;
        }
        List<StateMultiple> curMatched = new ArrayList<>();
        for (StateMultiple b : base) {
            StateMultiple c = nearest(cur, b);
            if (nearest(base, c) == b && sameState(b, c)) {
                out.add(pair(series, name(b, c), b, c, Optional.empty()));
                curMatched.add(c);
            } else if (base.size() == 1 && cur.size() == 1) {
                out.add(pair(series, name(b, c), b, c, Optional.of(String.format(Locale.ROOT,
                        "the runs saw different host states (floor p50 %s ns / %s ns)", Estimate.format(b.floorNs()),
                        Estimate.format(c.floorNs())))));
                curMatched.add(c);
            } else {
                out.add(pair(series, unpaired(b), b, null, Optional.of("the current run has no blocks in this host state")));
            }
        }
        for (StateMultiple c : cur) {
            if (!curMatched.contains(c)) {
                out.add(pair(series, unpaired(c), null, c, Optional.of("the baseline run has no blocks in this host state")));
            }
        }
        if (base.size() > 1 || cur.size() > 1) {
            Optional<StateMultiple> baseAll = state(baseline, HostStates.ALL);
            Optional<StateMultiple> curAll = state(current, HostStates.ALL);
            out.add(new MetricPair(series, RunMetrics.P50_X_FLOOR + " " + HostStates.ALL, Direction.LOWER_IS_BETTER, false,
                    baseAll.map(StateMultiple::multiple), curAll.map(StateMultiple::multiple),
                    Optional.of("mixes host states: compare the states' multiples")));
        }
        return out;
    }

    /** A run's states: fast and slow when it has them, else its one all-blocks multiple. */
    private static List<StateMultiple> states(List<StateMultiple> multiples) {
        List<StateMultiple> split = multiples.stream().filter(s -> !s.state().equals(HostStates.ALL)).toList();
        return split.isEmpty() ? multiples.stream().filter(s -> s.state().equals(HostStates.ALL)).toList() : split;
    }

    /** {@code p50_x_floor fast} after the state's label, from whichever run has one; plain when neither. */
    private static String name(StateMultiple a, StateMultiple b) {
        String label = !a.state().equals(HostStates.ALL) ? a.state() : b.state();
        return label.equals(HostStates.ALL) ? RunMetrics.P50_X_FLOOR : RunMetrics.P50_X_FLOOR + " " + label;
    }

    /** A state without a partner, named with its floor: its label may be the other run's for another state. */
    private static String unpaired(StateMultiple s) {
        return name(s, s) + " at floor " + Estimate.format(s.floorNs()) + " ns";
    }

    private static MetricPair pair(String series, String name, StateMultiple b, StateMultiple c, Optional<String> held) {
        return new MetricPair(series, name, Direction.LOWER_IS_BETTER, false,
                Optional.ofNullable(b).map(StateMultiple::multiple), Optional.ofNullable(c).map(StateMultiple::multiple), held);
    }

    private static Optional<StateMultiple> state(List<StateMultiple> states, String name) {
        return states.stream().filter(s -> s.state().equals(name)).findFirst();
    }

    /** The state of {@code among} whose median floor is nearest {@code one}'s, on a log scale. */
    private static StateMultiple nearest(List<StateMultiple> among, StateMultiple one) {
        StateMultiple best = among.getFirst();
        for (StateMultiple s : among) {
            if (distance(s, one) < distance(best, one)) {
                best = s;
            }
        }
        return best;
    }

    private static double distance(StateMultiple a, StateMultiple b) {
        double d = Math.abs(Math.log(a.floorNs() / b.floorNs()));
        return Double.isNaN(d) ? 0 : d;
    }

    /** Median floors within {@link #SAME_STATE_FLOOR_RATIO} of each other (unknown floors: assumed the same). */
    private static boolean sameState(StateMultiple a, StateMultiple b) {
        if (Double.isNaN(a.floorNs()) || Double.isNaN(b.floorNs())) {
            return true;
        }
        return Math.max(a.floorNs(), b.floorNs()) <= SAME_STATE_FLOOR_RATIO * Math.min(a.floorNs(), b.floorNs());
    }
}
