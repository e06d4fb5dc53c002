package io.shmbench.report.summary;

import io.shmbench.report.FaultSummary;
import io.shmbench.report.ReportTables;
import io.shmbench.report.TidyCsvWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Q7, what survives faults: how soon a reader reports a dead writer (every time metric, median and
 * range over the trials) and, per scenario, what a slow reader was handed: torn snapshots delivered
 * first, then what was caught, delivered and missed (every count metric, summed over the trials).
 */
final class Q7Answers {
    static final String Q = "Q7";
    /** Counts in the order a reader asks about them: anything torn that got through comes first. */
    private static final List<String> COUNT_ORDER = List.of("torn_delivered_count", "delivered_count", "snapshots_read_count",
            "torn_caught_count", "gap_count");

    private Q7Answers() {
    }

    static QuestionSummary of(ReportTables t) {
        if (t.faults().isEmpty()) {
            return QuestionSummary.notMeasured(Q, "no raw/q7_faults.csv in this run");
        }
        List<String> answers = new ArrayList<>();
        for (FaultSummary f : t.faults()) {
            if (f.metric().endsWith("_ns")) {
                answers.add(f.scenario() + ": " + words(f.metric()) + " after " + Quantities.time(f.median()) + (f.trials() > 1
                        ? " (median of " + trials(f.trials()) + ", " + Quantities.time(f.min()) + " to " + Quantities.time(f.max()) + ")"
                        : " (1 trial)"));
            }
        }
        Map<String, List<FaultSummary>> counts = new LinkedHashMap<>();
        t.faults().stream().filter(f -> f.metric().endsWith("_count"))
                .forEach(f -> counts.computeIfAbsent(f.scenario(), s -> new ArrayList<>()).add(f));
        counts.forEach((scenario, list) -> answers.add(scenario + ": " + list.stream()
                .sorted(Comparator.comparingInt(f -> rank(f.metric())))
                .map(f -> words(f.metric()) + " " + Quantities.count(f.total())).reduce((a, b) -> a + ", " + b).orElseThrow()
                + (list.getFirst().trials() > 1 ? " (summed over " + trials(list.getFirst().trials()) + ")" : " (1 trial)")));
        List<List<String>> rows = t.faults().stream().map(f -> List.of(f.scenario(), f.metric(), Integer.toString(f.trials()),
                value(f, f.median()), value(f, f.min()), value(f, f.max()), f.metric().endsWith("_count") ? Quantities.count(f.total()) : ""))
                .toList();
        return new QuestionSummary(Q, Questions.title(Q), true, answers, List.of(new SummaryTable(
                "Per fault scenario and metric over its trials", List.of(TidyCsvWriter.Q7_FAULTS),
                List.of("scenario", "metric", "trials", "median", "min", "max", "total"), rows)), List.of());
    }

    /** "detection_ns" reads "detected"; "torn_delivered_count" reads "torn delivered". */
    private static String words(String metric) {
        String w = metric.replaceAll("_(ns|count)$", "").replace('_', ' ');
        return w.equals("detection") ? "detected" : w;
    }

    private static int rank(String metric) {
        int i = COUNT_ORDER.indexOf(metric);
        return i < 0 ? COUNT_ORDER.size() : i;
    }

    private static String trials(int n) {
        return n + (n == 1 ? " trial" : " trials");
    }

    private static String value(FaultSummary f, double v) {
        return f.metric().endsWith("_ns") ? Quantities.time(v) : Quantities.count(v);
    }
}
