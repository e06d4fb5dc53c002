package io.shmbench.report.summary;

import io.shmbench.report.FloorMultiple;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.measure.SeriesName;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.Throughput;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Q1, how fast each transport is: at each message size, which transport's round trip is fastest and
 * by how much, as multiples of the floor measured by the same two processes (absolute p50 for a run
 * without it), how much of the ring's round trip its JVM peer takes where the run measured the ring
 * with a C peer too ({@link JvmPeerShare}), which moves the most messages per second, and what one
 * write and one read of the ring cost alone.
 */
final class Q1Answers {
    static final String Q = "Q1";
    /** The suite's ring: every round-trip answer says where it ranks. */
    static final String RING = "shm-ring";
    /** A fixed-rate run's throughput is the rate it was given: no answer to how fast a transport is. */
    private static final String FIXED_RATE = "fixedRate";
    private static final String SIDE_ALONE = "Q1RingSideAlone";
    /** The throughput sink's own work in one process (bench.Q1SinkAlone): the ceiling of Q1's throughput. */
    private static final String SINK_ALONE = "Q1SinkAlone";

    private Q1Answers() {
    }

    static QuestionSummary of(ReportTables t) {
        List<LatencySeries> roundTrips = t.latency().stream().filter(s -> FloorMultiple.isRoundTrip(s.key()))
                .filter(s -> s.key().param(FloorMultiple.TRANSPORT).filter(x -> !x.equals(FloorMultiple.FLOOR)).isPresent())
                .filter(s -> !Contenders.failed(t, s.key())).toList();
        List<Throughput> q1Rates = t.throughput().stream()
                .filter(x -> x.key().question().equals(Q) && !x.key().method().equals(FIXED_RATE))
                .filter(x -> !Contenders.failed(t, x.key())).toList();
        List<Throughput> throughput = q1Rates.stream().filter(x -> !x.key().benchmarkClass().equals(SINK_ALONE)).toList();
        List<Throughput> sinkAlone = q1Rates.stream().filter(x -> x.key().benchmarkClass().equals(SINK_ALONE)).toList();
        List<OperationTime> sides = t.operationTimes().stream().filter(o -> o.key().benchmarkClass().equals(SIDE_ALONE)).toList();
        if (roundTrips.isEmpty() && q1Rates.isEmpty() && sides.isEmpty()) {
            return QuestionSummary.notMeasured(Q, "no Q1 round trip, throughput or ring-side result in this run");
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, List<String>> stateNotes = new LinkedHashMap<>();
        Set<String> sources = new LinkedHashSet<>();
        bySize(roundTrips, LatencySeries::key).forEach((size, series) -> {
            RoundTripComparisons r = RoundTripComparisons.of(t, series, compared(series.stream().map(LatencySeries::key).toList()),
                    d -> "Round trip at " + size + (d.isEmpty() ? "" : ", " + d), RING);
            comparisons.addAll(r.comparisons());
            r.notes().forEach(n -> stateNotes.computeIfAbsent(n, x -> new ArrayList<>()).add(size));
            sources.add(r.source());
        });
        // One note for all the sizes it holds at: "At 0 B and 64 B: ..."
        stateNotes.forEach((note, sizes) -> notes.add("At " + Ranking.and(sizes) + ": " + note));
        int roundTripAnswers = comparisons.size();
        bySize(throughput, Throughput::key).forEach((size, results) -> {
            sources.add(TidyCsvWriter.THROUGHPUT);
            comparisons.addAll(new VariantComparisons(compared(results.stream().map(Throughput::key).toList()),
                    d -> "Throughput at " + size + (d.isEmpty() ? "" : ", " + d), Ranking.Better.HIGHER,
                    Ranking.Words.HIGHEST_RATE, RING).of(results, Throughput::key, Contenders::throughput));
        });
        List<String> answers = new ArrayList<>(comparisons.stream().map(Comparison::sentence).toList());
        // Right after the round trips that rank shm-ring: how much of its round trip its JVM peer takes.
        List<JvmPeerShare> jvmPeer = JvmPeerShare.of(t, roundTrips);
        answers.addAll(roundTripAnswers, jvmPeer.stream().map(JvmPeerShare::sentence).toList());
        List<SummaryTable> tables = new ArrayList<>();
        if (comparisons.stream().anyMatch(Comparison::comparesAny)) {
            tables.add(new SummaryTable("Per message size: " + Comparison.title(sources), List.copyOf(sources), Comparison.HEAD,
                    comparisons.stream().map(Comparison::row).toList()));
        }
        if (!jvmPeer.isEmpty()) {
            tables.add(JvmPeerShare.table(jvmPeer));
        }
        if (!sides.isEmpty()) {
            sideAlone(sides, answers, tables);
        }
        if (!sinkAlone.isEmpty()) {
            sinkCeiling(sinkAlone, throughput, answers, tables);
        }
        List<String> failed = Contenders.failures(t, Q, List.of(FloorMultiple.TRANSPORT, FloorMultiple.MESSAGE_BYTES));
        if (!failed.isEmpty()) {
            notes.add("Not compared, their runs did not end well: " + String.join(", ", failed));
        }
        return new QuestionSummary(Q, Questions.title(Q), true, answers, tables, notes);
    }

    /** One line per message size: the write and the read of the ring, each side alone. */
    private static void sideAlone(List<OperationTime> sides, List<String> answers, List<SummaryTable> tables) {
        List<List<String>> rows = new ArrayList<>();
        bySize(sides, OperationTime::key).forEach((size, ops) -> {
            List<String> others = Labels.varying(ops.stream().map(OperationTime::key).toList()).stream()
                    .filter(n -> !n.equals(FloorMultiple.MESSAGE_BYTES)).toList();
            List<String> parts = new ArrayList<>();
            for (OperationTime o : ops) {
                String what = o.key().method() + qualifier(o.key(), others);
                parts.add(what + " " + Quantities.time(o.nsPerOp(), o.nsPerOpError()));
                rows.add(List.of(size, what, Quantities.time(o.nsPerOp(), o.nsPerOpError())));
            }
            answers.add("The ring's sides alone at " + size + ": " + String.join(", ", parts));
        });
        tables.add(new SummaryTable("The ring's write and read, each side alone (average, \u00b1 JMH's 99.9% error)",
                List.of(TidyCsvWriter.OPERATION_TIMES), List.of("message size", "operation", "time per operation"), rows));
    }

    /**
     * One line per message size: the sink alone's rate, and the fastest transport's throughput as a
     * share of it (near 100%: that transport is bound by the sink, not by itself).
     */
    private static void sinkCeiling(List<Throughput> sinkAlone, List<Throughput> throughput, List<String> answers,
                                    List<SummaryTable> tables) {
        Map<String, List<Throughput>> transports = bySize(throughput, Throughput::key);
        List<List<String>> rows = new ArrayList<>();
        bySize(sinkAlone, Throughput::key).forEach((size, sinks) -> {
            Throughput sink = sinks.getFirst();
            String rate = Quantities.rate(sink.msgsPerS(), sink.msgsPerSError());
            Throughput best = transports.getOrDefault(size, List.of()).stream()
                    .max(Comparator.comparingDouble(Throughput::msgsPerS)).orElse(null);
            String share = best == null ? "" : Quantities.share(best.msgsPerS() / sink.msgsPerS());
            String bestLabel = best == null ? "" : best.key().param(FloorMultiple.TRANSPORT).orElse(best.key().method());
            rows.add(List.of(size, rate, bestLabel, share));
            answers.add("The sink alone (its copy and CRC32C, no transport) at " + size + ": " + rate
                    + (best == null ? "" : "; the fastest transport, " + bestLabel + ", reaches " + share + " of it"));
        });
        tables.add(new SummaryTable("The throughput sink's own work alone: the ceiling of every transport's throughput",
                List.of(TidyCsvWriter.THROUGHPUT), List.of("message size", "sink alone", "fastest transport", "its share of the ceiling"),
                rows));
    }

    /** " (OVERWRITE)" for the parameters of {@code names} the key has; empty when none. */
    private static String qualifier(SeriesName key, List<String> names) {
        List<String> present = names.stream().filter(key.params()::containsKey).toList();
        return present.isEmpty() ? "" : " (" + present.stream().map(n -> Labels.value(key, n)).collect(Collectors.joining(", ")) + ")";
    }

    /** Everything but the message size, the transport first: what a round trip at one size is compared by. */
    private static List<String> compared(List<SeriesName> keys) {
        List<String> names = new ArrayList<>(List.of(FloorMultiple.TRANSPORT));
        keys.forEach(k -> k.params().keySet().stream()
                .filter(n -> !n.equals(FloorMultiple.MESSAGE_BYTES) && !names.contains(n)).forEach(names::add));
        return names;
    }

    /** The items by message size ("64 B"), sizes in increasing order; items without a size under "". */
    private static <T> Map<String, List<T>> bySize(List<T> items, Function<T, SeriesName> key) {
        Map<String, List<T>> out = new TreeMap<>(SeriesOrder.VALUES);
        items.forEach(i -> out.computeIfAbsent(key.apply(i).param(FloorMultiple.MESSAGE_BYTES).orElse(""), s -> new ArrayList<>()).add(i));
        Map<String, List<T>> labelled = new LinkedHashMap<>();
        out.forEach((size, list) -> labelled.put(size.isEmpty() ? "any size" : size + " B", list));
        return labelled;
    }
}
