package io.shmbench.report.summary;

import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.Throughput;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ring's variants of one question compared by round trip, as multiples of the same-pair floor
 * (absolute p50 for a run without it), and by throughput: Q2 whether the memory orders differ
 * measurably, Q4 which padding layout wins, Q3 what the slot count changes. Configurations whose
 * run did not end well (a memory order that hung or delivered wrong messages: a result, not a
 * crash) are left out of the comparisons and listed.
 *
 * @param compared the parameters that make a variant, in the order its name gives them
 * @param what     what the variants are, for the subject: "memory order"
 */
record RingVariants(String question, String benchmark, List<String> compared, String what) {
    static final RingVariants MEMORY_ORDERS = new RingVariants("Q2", "Q2MemoryOrders", List.of("memoryOrder"), "memory order");
    static final RingVariants PADDING = new RingVariants("Q4", "Q4Padding",
            List.of("padding", "cacheRemoteIndex", "alignSlots", "readerPoll", "slotRelease"), "padding layout");
    static final RingVariants SLOTS = new RingVariants("Q3", "Q3Slots", List.of("slots"), "slot count");

    /** The question's summary: {@code first} answers and tables (Q3's loss), then the comparisons. */
    QuestionSummary summary(ReportTables t, List<String> firstAnswers, List<SummaryTable> firstTables) {
        List<String> failed = Contenders.failures(t, question, compared);
        if (!any(t) && failed.isEmpty() && firstAnswers.isEmpty()) {
            return QuestionSummary.notMeasured(question, "no " + benchmark + " result in this run");
        }
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Comparison> comparisons = comparisons(t, sources, notes);
        List<String> answers = new ArrayList<>(firstAnswers);
        comparisons.forEach(c -> answers.add(c.sentence()));
        if (!failed.isEmpty()) {
            answers.add("Did not end well (left out of the comparisons): " + String.join(", ", failed));
        }
        List<SummaryTable> tables = new ArrayList<>(firstTables);
        if (comparisons.stream().anyMatch(Comparison::comparesAny)) {
            tables.add(new SummaryTable("By " + what + ": " + Comparison.title(sources), sources,
                    Comparison.HEAD, comparisons.stream().map(Comparison::row).toList()));
        }
        return new QuestionSummary(question, Questions.title(question), true, answers, tables, notes);
    }

    /** The comparisons; adds the CSV files they come from to {@code sources}, what to know to read them to {@code notes}. */
    private List<Comparison> comparisons(ReportTables t, List<String> sources, List<String> notes) {
        List<LatencySeries> roundTrips = t.latency().stream()
                .filter(s -> s.key().benchmarkClass().equals(benchmark))
                .filter(s -> s.key().method().toLowerCase(Locale.ROOT).contains("roundtrip"))
                .filter(s -> !Contenders.failed(t, s.key())).toList();
        RoundTripComparisons r = RoundTripComparisons.of(t, roundTrips, compared,
                d -> "Round trip by " + what + (d.isEmpty() ? "" : ", " + d), "");
        if (!roundTrips.isEmpty()) {
            sources.add(r.source());
        }
        notes.addAll(r.notes());
        List<Comparison> out = new ArrayList<>(r.comparisons());
        List<Throughput> throughput = t.throughput().stream()
                .filter(x -> x.key().benchmarkClass().equals(benchmark))
                .filter(x -> !Contenders.failed(t, x.key())).toList();
        if (!throughput.isEmpty()) {
            sources.add(TidyCsvWriter.THROUGHPUT);
        }
        out.addAll(new VariantComparisons(compared, d -> "Throughput by " + what + (d.isEmpty() ? "" : ", " + d),
                Ranking.Better.HIGHER, Ranking.Words.HIGHEST_RATE, "").of(throughput, Throughput::key, Contenders::throughput));
        return out;
    }

    /** Whether the run has any round trip or throughput of the benchmark. */
    private boolean any(ReportTables t) {
        return t.latency().stream().anyMatch(s -> s.key().benchmarkClass().equals(benchmark))
                || t.throughput().stream().anyMatch(x -> x.key().benchmarkClass().equals(benchmark));
    }
}
