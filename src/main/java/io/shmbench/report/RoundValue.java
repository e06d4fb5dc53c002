package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One number of one series in one round of a run with {@code --rounds}: a latency series' p50 and
 * p99 (its measurement intervals that started in that round's runs), its same-pair p50 and p99
 * multiples of the floor (that round's blocks and floor intervals), a throughput series' messages
 * per second and CPU time per message (that round's raw/jmh.json result). Where the run's blocks
 * fall in two host states ({@link HostStates#bySeries}, decided over all the blocks of the
 * benchmark, so a state means the same in every round and every series), also each round's p50
 * multiple within each state that holds at least {@link HostStates#MIN_SHARE} of the round's blocks
 * (a handful of stray blocks make no value), and the share of its blocks in the slow one: a round whose multiple moved because it spent more of its time in
 * the slow state then shows as such. Repeating the plan in shuffled rounds shows how much a number
 * moves from one round to the next.
 */
public record RoundValue(SeriesName key, String metric, int round, double value) {
    public static final String P50_NS = "p50_ns";
    public static final String P99_NS = "p99_ns";
    public static final String P50_X_FLOOR = "p50_x_floor";
    public static final String P50_X_FLOOR_FAST = "p50_x_floor_fast";
    public static final String P50_X_FLOOR_SLOW = "p50_x_floor_slow";
    public static final String SLOW_SHARE = "slow_share";
    public static final String P99_X_FLOOR = "p99_x_floor";
    public static final String MSGS_PER_S = "msgs_per_s";
    public static final String CPU_NS_PER_MSG = "cpu_ns_per_msg";
    /** The metrics in the order they are listed. */
    public static final List<String> METRICS = List.of(P50_NS, P99_NS, P50_X_FLOOR, P50_X_FLOOR_FAST, P50_X_FLOOR_SLOW,
            SLOW_SHARE, P99_X_FLOOR, MSGS_PER_S, CPU_NS_PER_MSG);

    /** Every round value of a run; none without raw/rounds.csv. */
    public static List<RoundValue> compute(RunData d) {
        if (!d.rounds().present()) {
            return List.of();
        }
        List<RoundValue> out = new ArrayList<>();
        Map<SeriesName, LatencySeries> floors = new LinkedHashMap<>();
        d.floorLatency().forEach(f -> floors.put(f.key(), f));
        for (LatencySeries s : d.latency()) {
            s.byRound().forEach((round, h) -> {
                out.add(new RoundValue(s.key(), P50_NS, round, h.getValueAtPercentile(50)));
                out.add(new RoundValue(s.key(), P99_NS, round, h.getValueAtPercentile(99)));
                LatencySeries floor = floors.get(s.key());
                if (floor != null && floor.byRound().containsKey(round)) {
                    out.add(new RoundValue(s.key(), P99_X_FLOOR, round,
                            (double) h.getValueAtPercentile(99) / floor.byRound().get(round).getValueAtPercentile(99)));
                }
            });
        }
        Map<SeriesName, HostStates> statesBySeries = HostStates.bySeries(d.blocks());
        for (FloorBlocks b : d.blocks()) {
            HostStates states = statesBySeries.get(b.key());
            b.blocks().stream().mapToInt(FloorBlock::round).distinct().forEach(round -> {
                FloorBlocks inRound = b.only(x -> x.round() == round);
                out.add(new RoundValue(b.key(), P50_X_FLOOR, round, Median.of(inRound.ratios())));
                if (states.two()) {
                    addByState(out, b.key(), round, inRound, states);
                }
            });
        }
        for (JmhResult r : d.jmh()) {
            OptionalInt round = d.rounds().roundOfResult(r.index());
            Throughput.of(r).filter(t -> round.isPresent()).ifPresent(t -> {
                out.add(new RoundValue(t.key(), MSGS_PER_S, round.getAsInt(), t.msgsPerS()));
                if (!Double.isNaN(t.cpuNsPerMsg())) {
                    out.add(new RoundValue(t.key(), CPU_NS_PER_MSG, round.getAsInt(), t.cpuNsPerMsg()));
                }
            });
        }
        out.sort(Comparator.comparing(RoundValue::key, SeriesOrder.KEYS)
                .thenComparingInt(v -> METRICS.indexOf(v.metric()))
                .thenComparingInt(RoundValue::round));
        return out;
    }

    /** A round's p50 multiple in each host state it has blocks in, and its share of slow blocks. */
    private static void addByState(List<RoundValue> out, SeriesName key, int round, FloorBlocks inRound, HostStates states) {
        FloorBlocks fast = inRound.only(x -> states.stateOf(x.floorP50Ns()).equals(HostStates.FAST));
        FloorBlocks slow = inRound.only(x -> states.stateOf(x.floorP50Ns()).equals(HostStates.SLOW));
        int enough = (int) Math.ceil(HostStates.MIN_SHARE * inRound.size());
        if (fast.size() >= enough && fast.size() > 0) {
            out.add(new RoundValue(key, P50_X_FLOOR_FAST, round, Median.of(fast.ratios())));
        }
        if (slow.size() >= enough && slow.size() > 0) {
            out.add(new RoundValue(key, P50_X_FLOOR_SLOW, round, Median.of(slow.ratios())));
        }
        out.add(new RoundValue(key, SLOW_SHARE, round, (double) slow.size() / inRound.size()));
    }

    /** The values of one metric of one series, round by round. */
    public static List<Double> values(List<RoundValue> all, SeriesName key, String metric) {
        return all.stream().filter(v -> v.key().equals(key) && v.metric().equals(metric)).map(RoundValue::value).toList();
    }
}
