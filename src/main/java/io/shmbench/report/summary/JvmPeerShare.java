package io.shmbench.report.summary;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.BlockMultiple;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.HostStates;
import io.shmbench.report.Interval;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.Multiples;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much of the ring's round trip is the JVM's: {@code shm-ring} and {@code shm-ring-c} run the
 * same rings with the measuring side in the JVM; only the peer differs, a JVM or the C program. Where
 * a run measured both round trips with the same parameters, shm-ring's p50 multiple of its same-pair
 * floor over shm-ring-c's is how many times the round trip the JVM peer makes of the C peer's, and
 * 1 - 1 / that ratio the share of shm-ring's round trip the JVM peer adds. Each is over its own floor,
 * measured by the same two processes at the same moments, so the ratio holds where the absolute
 * times move with the host.
 *
 * @param label the pair's message size, what else tells the run's pairs apart, and the host state
 *              when the blocks fell into two: "64 B", "64 B (block)", "64 B, fast host state"
 */
record JvmPeerShare(String label, BlockMultiple jvm, BlockMultiple c) {
    static final String JVM_PEER = Q1Answers.RING;
    static final String C_PEER = "shm-ring-c";
    static final List<String> HEAD = List.of("message size", JVM_PEER + " (JVM peer)", C_PEER + " (C peer)",
            "ratio", "JVM peer's share of " + JVM_PEER);

    /** The pairs among {@code roundTrips} (Q1 round trips of series that ended well), in the order of their series. */
    static List<JvmPeerShare> of(ReportTables t, List<LatencySeries> roundTrips) {
        Map<SeriesName, SeriesName> pairs = new TreeMap<>(SeriesOrder.KEYS);
        for (LatencySeries jvmSeries : roundTrips) {
            if (!jvmSeries.key().param(FloorMultiple.TRANSPORT).orElse("").equals(JVM_PEER)) {
                continue;
            }
            roundTrips.stream().map(LatencySeries::key).filter(k -> isCPeerOf(k, jvmSeries.key())).findFirst()
                    .filter(c -> Contenders.samePair(t, jvmSeries.key()).isPresent() && Contenders.samePair(t, c).isPresent())
                    .ifPresent(c -> pairs.put(jvmSeries.key(), c));
        }
        // "64 B", and whatever else tells the pairs apart: "64 B (block)"
        List<String> names = new ArrayList<>(List.of(FloorMultiple.MESSAGE_BYTES));
        Labels.varying(pairs.keySet()).stream().filter(n -> !names.contains(n)).forEach(names::add);
        List<JvmPeerShare> out = new ArrayList<>();
        pairs.forEach((jvm, c) -> out.addAll(byHostState(t, Labels.of(jvm, names), jvm, c)));
        return out;
    }

    /**
     * Like the round-trip rankings ({@link RoundTripComparisons}): where the blocks fell into a fast and
     * a slow host state, one pair per state both series spent at least {@link HostStates#MIN_SHARE} of
     * their blocks in, since the all-blocks median mixes the states' multiples in whatever shares
     * each series happened to get; else over all blocks.
     */
    private static List<JvmPeerShare> byHostState(ReportTables t, String label, SeriesName jvm, SeriesName c) {
        List<JvmPeerShare> out = new ArrayList<>();
        if (!RoundTripComparisons.states(t, jvm).isEmpty() || !RoundTripComparisons.states(t, c).isEmpty()) {
            for (String state : List.of(HostStates.FAST, HostStates.SLOW)) {
                Optional<BlockMultiple> j = RoundTripComparisons.inState(t, jvm, state);
                Optional<BlockMultiple> k = RoundTripComparisons.inState(t, c, state);
                if (j.isPresent() && k.isPresent()) {
                    out.add(new JvmPeerShare(label + ", " + state + " host state", j.get(), k.get()));
                }
            }
        }
        if (out.isEmpty()) {
            boolean mixed = !RoundTripComparisons.states(t, jvm).isEmpty() || !RoundTripComparisons.states(t, c).isEmpty();
            out.add(new JvmPeerShare(label + (mixed ? ", all blocks (the two fell into different host states)" : ""),
                    Contenders.samePair(t, jvm).orElseThrow(), Contenders.samePair(t, c).orElseThrow()));
        }
        return out;
    }

    private static boolean isCPeerOf(SeriesName candidate, SeriesName jvm) {
        Map<String, String> params = new TreeMap<>(jvm.params());
        params.put(FloorMultiple.TRANSPORT, C_PEER);
        return candidate.benchmark().equals(jvm.benchmark()) && candidate.params().equals(params);
    }

    /** shm-ring's multiple over shm-ring-c's. */
    double ratio() {
        return jvm.multiple() / c.multiple();
    }

    /** From the two 95% intervals: the lowest over the highest, the highest over the lowest (wider than either). */
    Interval ratioInterval() {
        if (!jvm.interval().isKnown() || !c.interval().isKnown()) {
            return Interval.NONE;
        }
        return new Interval(jvm.interval().low() / c.interval().high(), jvm.interval().high() / c.interval().low());
    }

    /** The share of shm-ring's round trip that the JVM peer adds over the C peer: 1 - 1 / ratio. */
    double share() {
        return 1 - 1 / ratio();
    }

    /** What the run can tell: the JVM peer costs more, less, or nothing it can tell apart; untested without an interval. */
    enum Difference {
        JVM_SLOWER, C_SLOWER, NO_DIFFERENCE, UNTESTED
    }

    Difference difference() {
        Interval i = ratioInterval();
        if (!i.isKnown()) {
            return Difference.UNTESTED;
        }
        return i.low() > 1 ? Difference.JVM_SLOWER : i.high() < 1 ? Difference.C_SLOWER : Difference.NO_DIFFERENCE;
    }

    private String ratioText() {
        return Multiples.withInterval(ratio(), ratioInterval());
    }

    /** The answer line. */
    String sentence() {
        String both = "The JVM peer's part of " + JVM_PEER + "'s round trip at " + label + ": " + JVM_PEER + " "
                + Quantities.multiple(jvm.multiple(), jvm.interval()) + " with its JVM peer, " + C_PEER + " "
                + Quantities.multiple(c.multiple(), c.interval()) + " with the C one, " + ratioText();
        String verdict = switch (difference()) {
            case JVM_SLOWER -> ": the JVM peer adds " + Quantities.share(share()) + " of " + JVM_PEER + "'s round trip";
            case C_SLOWER -> ": the C peer's round trip is the longer one, the JVM peer costs nothing over it";
            case NO_DIFFERENCE -> ": no measurable difference, the JVM peer adds nothing the run can tell apart";
            case UNTESTED -> ratio() > 1 ? ": the JVM peer would add " + Quantities.share(share()) + " of " + JVM_PEER
                    + "'s round trip, not tested against error (no interval in this run)" : ": not tested against error (no interval in this run)";
        };
        return both + verdict + " (the measuring side is the JVM in both)";
    }

    List<String> row() {
        return List.of(label, Quantities.multiple(jvm.multiple(), jvm.interval()), Quantities.multiple(c.multiple(), c.interval()),
                ratioText(), switch (difference()) {
                    case JVM_SLOWER -> Quantities.share(share());
                    case C_SLOWER -> "none (the C peer is slower)";
                    case NO_DIFFERENCE -> "not measurable";
                    case UNTESTED -> ratio() > 1 ? Quantities.share(share()) + " (untested)" : "none (untested)";
                });
    }

    static SummaryTable table(List<JvmPeerShare> pairs) {
        return new SummaryTable("The JVM peer's part of " + JVM_PEER + "'s round trip: p50 \u00f7 same-pair floor (95% interval), "
                + JVM_PEER + " over " + C_PEER + " (interval from both)", List.of(TidyCsvWriter.FLOOR_MULTIPLES), HEAD,
                pairs.stream().map(JvmPeerShare::row).toList());
    }
}
