package io.shmbench.report.summary;

import io.shmbench.report.Cells;
import io.shmbench.report.LossPoint;
import io.shmbench.report.ReportTables;
import io.shmbench.report.TidyCsvWriter;
import io.shmbench.ring.SizingRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Q3, how many slots: for an OVERWRITE ring whose reader wakes at rate R and takes everything new
 * from a writer at rate W, which slot count stops the loss (per lap policy and rate ratio, beside
 * the sizing rule's ceil(W/R)), then the ring's round trip and throughput by slot count.
 */
final class Q3Answers {
    static final String Q = "Q3";
    /**
     * A loss below this fraction counts as stopped. Once the ring follows the sizing rule only a late
     * wake-up loses anything: a fraction of a percent to a few percent on a loaded machine.
     */
    static final double STOPPED = 0.01;

    private Q3Answers() {
    }

    static QuestionSummary of(ReportTables t) {
        List<String> answers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<Double, List<LossPoint>>> byPolicy = new LinkedHashMap<>();
        t.loss().forEach(p -> byPolicy.computeIfAbsent(p.lapPolicy(), x -> new TreeMap<>())
                .computeIfAbsent(p.rateRatio(), x -> new ArrayList<>()).add(p));
        byPolicy.forEach((policy, byRatio) -> {
            // Ratios whose loss stops at the same slot count share one clause: "at 64 slots for W/R = 1 (rule 1) and ...".
            Map<String, List<String>> stops = new LinkedHashMap<>();
            List<String> never = new ArrayList<>();
            byRatio.forEach((ratio, points) -> {
                List<LossPoint> sorted = points.stream().sorted(Comparator.comparingLong(LossPoint::slots)).toList();
                int rule = SizingRule.slotsFor(ratio);
                Optional<Long> stop = stopsAt(sorted);
                String wr = "W/R = " + Cells.number(ratio);
                if (stop.isPresent()) {
                    boolean fewest = stop.get() == sorted.getFirst().slots();
                    stops.computeIfAbsent(slots(stop.get()) + (fewest ? ", the fewest measured," : ""), k -> new ArrayList<>())
                            .add(wr + " (rule " + rule + ")");
                } else {
                    LossPoint least = sorted.stream().min(Comparator.comparingDouble(LossPoint::lossFraction)).orElseThrow();
                    LossPoint last = sorted.getLast();
                    never.add(wr + " (least " + Quantities.percent(least.lossFraction()) + " at " + slots(least.slots())
                            + (last.equals(least) ? "" : ", " + Quantities.percent(last.lossFraction()) + " at " + slots(last.slots()))
                            + "; rule " + rule + ")");
                }
                rows.add(List.of(policy, Cells.number(ratio), sorted.stream()
                                .map(p -> p.slots() + ": " + Quantities.percent(p.lossFraction())).collect(Collectors.joining(", ")),
                        stop.map(Q3Answers::slots).orElse("none measured"), Integer.toString(rule)));
            });
            String below = "(below " + Quantities.percent(STOPPED) + " from there on)";
            String line = stops.isEmpty()
                    ? "Lap policy " + policy + ": no measured slot count stops the loss " + below + " at " + Ranking.and(never)
                    : "Lap policy " + policy + ": the loss stops " + below + " at " + Ranking.and(stops.entrySet().stream()
                    .map(e -> e.getKey() + " for " + Ranking.and(e.getValue())).toList())
                    + (never.isEmpty() ? "" : "; no measured slot count stops it at " + Ranking.and(never));
            answers.add(line);
        });
        List<SummaryTable> tables = rows.isEmpty() ? List.of() : List.of(new SummaryTable(
                "Fraction of messages lost by slot count, reader taking everything new at each wake-up",
                List.of(TidyCsvWriter.Q3_LOSS), List.of("lap policy", "W/R", "lost by slots", "below "
                + Quantities.percent(STOPPED) + " from", "sizing rule ceil(W/R)"), rows));
        return RingVariants.SLOTS.summary(t, answers, tables);
    }

    /** The fewest slots from which every measured slot count loses less than {@link #STOPPED}. */
    static Optional<Long> stopsAt(List<LossPoint> bySlots) {
        Optional<Long> stop = Optional.empty();
        for (int i = bySlots.size() - 1; i >= 0 && bySlots.get(i).lossFraction() < STOPPED; i--) {
            stop = Optional.of(bySlots.get(i).slots());
        }
        return stop;
    }

    private static String slots(long n) {
        return n + (n == 1 ? " slot" : " slots");
    }
}
