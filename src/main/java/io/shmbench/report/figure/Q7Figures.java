package io.shmbench.report.figure;

import io.shmbench.report.FaultObservation;
import io.shmbench.report.FaultSummary;
import io.shmbench.report.ReportTables;
import io.shmbench.report.chart.BarChart;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.StripChart;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Q7, what survives faults: how long the reader takes to report a killed writer (every trial a dot),
 * and the counts of torn, caught and missed messages per scenario.
 */
final class Q7Figures {
    static final String Q = "Q7";

    private Q7Figures() {
    }

    /** A metric's name for a reader: "detection_ns" reads "detection", its unit left to the axis. */
    private static String words(String metric) {
        return metric.replaceAll("_(ns|count)$", "").replace('_', ' ');
    }

    static void build(ReportTables t, List<FaultObservation> raw, FigureSet out) {
        if (raw.isEmpty()) {
            out.skip(Q, "no raw/q7_faults.csv in this run");
            return;
        }
        List<FaultObservation> times = raw.stream().filter(FaultObservation::isTime).toList();
        if (times.isEmpty()) {
            out.skip(Q, "detection time: no *_ns metric in raw/q7_faults.csv");
        } else {
            double max = times.stream().mapToDouble(FaultObservation::value).max().orElse(0);
            TimeScale unit = TimeScale.forMax(max);
            List<String> scenarios = times.stream().map(FaultObservation::scenario).distinct().toList();
            Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
            for (var o : times) {
                values.computeIfAbsent(words(o.metric()), m -> new LinkedHashMap<>())
                        .computeIfAbsent(o.scenario(), s -> new ArrayList<>()).add(o.value() / unit.nanos());
            }
            // One metric has no legend: the axis names it.
            String what = values.size() == 1 ? values.keySet().iterator().next() + " time" : "time";
            NumberAxis y = new NumberAxis(what + " (" + unit.symbol() + ")");
            y.setAutoRangeIncludesZero(true);
            out.add(new Figure("q7_detection_time", Q, "Time from the fault (e.g. the writer's kill -9) to the reader "
                    + "reporting it, every trial a dot; metrics ending in _ns from raw/q7_faults.csv.",
                    StripChart.create("Q7 time to detect a fault", "scenario", y, scenarios, values)));
        }
        List<FaultSummary> counts = t.faults().stream().filter(f -> f.metric().endsWith("_count")).toList();
        if (counts.isEmpty()) {
            out.skip(Q, "loss counts: no *_count metric in raw/q7_faults.csv");
            return;
        }
        List<String> scenarios = counts.stream().map(FaultSummary::scenario).distinct().toList();
        List<String> metrics = counts.stream().map(f -> words(f.metric())).distinct().toList();
        BarChart bars = new BarChart("Q7 messages torn, caught and lost", null, "count (all trials)")
                .categories(scenarios).series(metrics).valueLabels();
        counts.forEach(f -> bars.bar(words(f.metric()), f.scenario(), f.total(), Double.NaN));
        if (scenarios.size() > 3) {
            bars.horizontal();
        }
        out.add(new Figure("q7_loss_counts", Q, "Counts per fault scenario summed over its trials (metrics ending in "
                + "_count): torn slots caught, torn snapshots delivered, gaps counted.", bars.build()));
    }
}
