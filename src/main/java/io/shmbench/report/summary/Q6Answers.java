package io.shmbench.report.summary;

import io.shmbench.report.CoreLatency;
import io.shmbench.report.Median;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Q6, where the processes should sit: per transport, the placement with the fastest round trip
 * (absolute p50: the placement changes the floor itself, so a multiple of it would hide what is
 * asked), the placements this host cannot offer and why, and the spread of the core-to-core floor.
 */
final class Q6Answers {
    static final String Q = "Q6";
    private static final String BENCHMARK = "Q6Placement";

    private Q6Answers() {
    }

    static QuestionSummary of(ReportTables t) {
        List<LatencySeries> roundTrips = t.latency().stream().filter(s -> s.key().benchmarkClass().equals(BENCHMARK))
                .filter(s -> s.key().param("placement").isPresent())
                .filter(s -> !Contenders.failed(t, s.key())).toList();
        List<CoreLatency> pairs = t.coreMatrix().stream().filter(c -> !Double.isNaN(c.p50Ns())).toList();
        if (roundTrips.isEmpty() && pairs.isEmpty()) {
            return QuestionSummary.notMeasured(Q, "no Q6Placement or core-matrix result in this run");
        }
        List<Comparison> comparisons = new VariantComparisons(List.of("placement"),
                d -> (d.isEmpty() ? "Round trip" : d + " round trip") + " p50 by placement",
                Ranking.Better.LOWER, Ranking.Words.FASTEST, "")
                .of(roundTrips, LatencySeries::key, (label, s) -> Contenders.p50(label, s, t));
        List<String> answers = new ArrayList<>(comparisons.stream().map(Comparison::sentence).toList());
        Map<String, List<String>> unavailable = new LinkedHashMap<>();
        t.placements().stream().filter(p -> !p.available())
                .forEach(p -> unavailable.computeIfAbsent(firstClause(p.reason()), r -> new ArrayList<>()).add(p.name()));
        if (!unavailable.isEmpty()) {
            answers.add("Not available on this host: " + unavailable.entrySet().stream()
                    .map(e -> Ranking.and(e.getValue()) + (e.getKey().isEmpty() ? "" : " (" + e.getKey() + ")"))
                    .collect(Collectors.joining("; ")));
        }
        if (!pairs.isEmpty()) {
            answers.add(cores(pairs));
        }
        List<SummaryTable> tables = comparisons.stream().noneMatch(Comparison::comparesAny) ? List.of() : List.of(new SummaryTable(
                "Round trip p50 by placement (95% interval of the blocks' median, else the rounds' range)",
                List.of(TidyCsvWriter.LATENCY_SUMMARY, TidyCsvWriter.Q6_PLACEMENTS), Comparison.HEAD,
                comparisons.stream().map(Comparison::row).toList()));
        return new QuestionSummary(Q, Questions.title(Q), true, answers, tables, List.of());
    }

    /**
     * "Core to core, one cache line's round trip: 130 ns (CPUs 0 and 1) to 250 ns (CPUs 2 and 3)". A
     * run of several rounds measures each pair once a round: a pair's value is the median of its
     * rounds', so the range is across pairs, not across rounds.
     */
    private static String cores(List<CoreLatency> measured) {
        List<CoreLatency> pairs = measured.stream()
                .collect(Collectors.groupingBy(c -> List.of(Math.min(c.cpuA(), c.cpuB()), Math.max(c.cpuA(), c.cpuB())),
                        LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream()
                .map(e -> new CoreLatency(e.getKey().get(0), e.getKey().get(1),
                        Median.of(e.getValue().stream().mapToDouble(CoreLatency::p50Ns).toArray()),
                        Median.of(e.getValue().stream().mapToDouble(CoreLatency::p99Ns).toArray())))
                .toList();
        CoreLatency fast = pairs.stream().min(Comparator.comparingDouble(CoreLatency::p50Ns)).orElseThrow();
        CoreLatency slow = pairs.stream().max(Comparator.comparingDouble(CoreLatency::p50Ns)).orElseThrow();
        String head = "Core to core, one cache line's round trip (p50): ";
        String rounds = measured.size() > pairs.size() ? " (median of its " + measured.size() / pairs.size() + " measurements)" : "";
        if (pairs.size() == 1 || fast.p50Ns() == slow.p50Ns()) {
            return head + Quantities.time(fast.p50Ns()) + " between " + cpus(fast)
                    + (pairs.size() == 1 ? ", the only pair" + rounds : ", the same for all " + pairs.size() + " pairs");
        }
        return head + Quantities.time(fast.p50Ns()) + " between " + cpus(fast) + " to " + Quantities.time(slow.p50Ns())
                + " between " + cpus(slow) + ", " + Quantities.times(slow.p50Ns() / fast.p50Ns()) + " apart";
    }

    /** A placement's reason up to its first semicolon: what it needs; the rest (what this host has) is in the CSV. */
    private static String firstClause(String reason) {
        int semicolon = reason.indexOf(';');
        return (semicolon < 0 ? reason : reason.substring(0, semicolon)).strip();
    }

    private static String cpus(CoreLatency c) {
        return "CPUs " + c.cpuA() + " and " + c.cpuB();
    }
}
