package io.shmbench.report;

import io.shmbench.measure.SeriesName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A round-trip series as a multiple of the floor (one cache line bounced between the two
 * processes, the physical limit of a shared-memory round trip): against the floor measured by the
 * same two processes in between its own round trips ({@link SamePairMultiple}, every cross-process
 * round trip since the same-pair floor exists) and, for Q1, against the {@code floor} transport's
 * own series in other forks ({@link CrossForkMultiple}, the older method and the only one of older
 * runs). Ratios, not absolute times, are what compares across runs and machines.
 *
 * @param p50Ns the series' own p50 (its whole-run histogram), NaN when its .hlog is missing
 */
public record FloorMultiple(SeriesName key, double p50Ns, double p99Ns, Optional<SamePairMultiple> samePair,
                            Optional<CrossForkMultiple> crossFork) {
    public static final String FLOOR = "floor";
    public static final String TRANSPORT = "transport";
    public static final String MESSAGE_BYTES = "messageBytes";
    /** The message size of the Q1 floor-multiple figure and the console summary. */
    public static final String SUMMARY_BYTES = "64";

    /** True for the Q1 round-trip benchmark (its method name contains "roundTrip", any case). */
    public static boolean isRoundTrip(SeriesName key) {
        return "Q1".equals(key.question()) && key.method().toLowerCase(Locale.ROOT).contains("roundtrip");
    }

    /**
     * One entry per series with blocks or a same-pair floor, and per Q1 round trip with a cross-fork
     * floor, in series order.
     *
     * @param roundValues the per-round values; the p99 multiple's interval comes from them
     */
    public static List<FloorMultiple> compute(List<LatencySeries> latency, List<LatencySeries> floors,
                                              List<FloorBlocks> blocks, List<RoundValue> roundValues) {
        Map<SeriesName, LatencySeries> series = byKey(latency, LatencySeries::key);
        Map<SeriesName, LatencySeries> floorByKey = byKey(floors, LatencySeries::key);
        Map<SeriesName, FloorBlocks> blocksByKey = byKey(blocks, FloorBlocks::key);
        Map<SeriesName, CrossForkMultiple> crossFork = CrossForkMultiple.compute(latency);
        Map<SeriesName, HostStates> states = HostStates.bySeries(blocks);
        TreeSet<SeriesName> keys = new TreeSet<>(SeriesOrder.KEYS);
        keys.addAll(blocksByKey.keySet());
        keys.addAll(floorByKey.keySet());
        keys.addAll(crossFork.keySet());
        // Each series' bootstrap is independent of the others' and deterministic: run them side by side.
        return keys.stream().parallel().map(k -> {
            Optional<LatencySeries> s = Optional.ofNullable(series.get(k));
            Optional<SamePairMultiple> samePair = blocksByKey.containsKey(k) || floorByKey.containsKey(k)
                    ? Optional.of(SamePairMultiple.of(blocksByKey.getOrDefault(k, new FloorBlocks(k, List.of())),
                    states.getOrDefault(k, HostStates.ONE), s, Optional.ofNullable(floorByKey.get(k)),
                    RoundValue.values(roundValues, k, RoundValue.P99_X_FLOOR)))
                    : Optional.empty();
            return new FloorMultiple(k, s.map(x -> (double) x.at(50)).orElse(Double.NaN),
                    s.map(x -> (double) x.at(99)).orElse(Double.NaN), samePair, Optional.ofNullable(crossFork.get(k)));
        }).toList();
    }

    private static <T> Map<SeriesName, T> byKey(List<T> items, Function<T, SeriesName> key) {
        return items.stream().collect(Collectors.toMap(key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** The p50 multiple over every block, when the series has blocks. */
    public Optional<BlockMultiple> samePairP50() {
        return samePair.map(SamePairMultiple::all).filter(m -> m.blocks() > 0);
    }
}
