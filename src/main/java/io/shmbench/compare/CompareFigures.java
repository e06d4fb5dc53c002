package io.shmbench.compare;

import io.shmbench.gate.Estimate;
import io.shmbench.gate.Metric;
import io.shmbench.gate.StateMultiple;
import io.shmbench.report.BadInputException;
import io.shmbench.report.HostStates;
import io.shmbench.report.RawCsv;
import io.shmbench.report.TidyCsvWriter;
import io.shmbench.report.chart.BarChart;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.PercentileFormat;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.XYCharts;
import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of a comparison, one series per run (its label, one colour per run in every figure):
 * per question the same-pair p50 multiples, the p50 latencies and the throughputs of every series
 * any run has (a series missing from a run has no bar there, so what only one run measured still
 * shows), and for Q1's round trips at 64 B (and the floor) the latency by percentile, a line per run.
 */
final class CompareFigures {
    /** Bars whose values span this factor or more get a log value axis (as in the report). */
    private static final double SPAN_FOR_LOG_AXIS = 100;
    /** More categories than this are drawn as horizontal bars, whose labels have room. */
    private static final int HORIZONTAL_FROM = 5;
    private static final String PERCENTILE_SIZE = "64";

    private CompareFigures() {
    }

    static List<Figure> build(List<ComparedRun> runs) throws BadInputException {
        List<Figure> out = new ArrayList<>();
        for (String q : questions(runs)) {
            multiples(runs, q).ifPresent(out::add);
            bars(runs, q, "p50_ns", "p50 latency", "latency p50 (ns)", "latency_p50").ifPresent(out::add);
            bars(runs, q, "msgs_per_s", "throughput", "messages per second", "throughput").ifPresent(out::add);
        }
        out.addAll(percentiles(runs));
        return out;
    }

    /** The questions any run has a metric for, in order (Q0 .. Q7). */
    static List<String> questions(List<ComparedRun> runs) {
        Set<String> qs = new java.util.TreeSet<>();
        for (ComparedRun r : runs) {
            r.metrics().p50States().keySet().forEach(s -> qs.add(SeriesText.parse(s).question()));
            r.metrics().metrics().values().forEach(m -> qs.add(SeriesText.parse(m.series()).question()));
        }
        qs.remove("");
        return List.copyOf(qs);
    }

    private static Optional<Figure> multiples(List<ComparedRun> runs, String q) {
        Map<String, List<Optional<Estimate>>> bySeries = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (var e : runs.get(i).metrics().p50States().entrySet()) {
                if (!SeriesText.parse(e.getKey()).question().equals(q)) {
                    continue;
                }
                int run = i;
                Optional<Estimate> all = e.getValue().stream().filter(s -> s.state().equals(HostStates.ALL))
                        .map(StateMultiple::multiple).findFirst();
                bySeries.computeIfAbsent(e.getKey(), k -> empty(runs.size())).set(run, all);
            }
        }
        return chart(runs, bySeries, q + " round trip \u00f7 same-pair floor, p50", "multiple of the floor",
                Figure.safeId(q.toLowerCase(java.util.Locale.ROOT) + "_compare_p50_x_floor"),
                "Each series' p50 round trip as a multiple of the floor measured by the same two processes in between its "
                        + "blocks (all blocks), one bar per run; error bars: the 95% moving-block bootstrap interval. "
                        + "The line at 1 is the floor itself. Over all blocks the multiple mixes host states and moves "
                        + "with their shares; the table below gives each state's multiple at its floor.", true);
    }

    private static Optional<Figure> bars(List<ComparedRun> runs, String q, String metric, String what, String axis,
                                         String idPart) {
        Map<String, List<Optional<Estimate>>> bySeries = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (Metric m : runs.get(i).metrics().metrics().values()) {
                if (m.name().equals(metric) && SeriesText.parse(m.series()).question().equals(q)) {
                    bySeries.computeIfAbsent(m.series(), k -> empty(runs.size())).set(i, Optional.of(m.estimate()));
                }
            }
        }
        return chart(runs, bySeries, q + " " + what, axis,
                Figure.safeId(q.toLowerCase(java.util.Locale.ROOT) + "_compare_" + idPart),
                "One bar per run; error bars: JMH's 99.9% interval for a throughput of one round, otherwise the range "
                        + "over the run's rounds (none with one round). Absolute values: compare runs of one machine.", false);
    }

    private static List<Optional<Estimate>> empty(int n) {
        List<Optional<Estimate>> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(Optional.empty());
        }
        return l;
    }

    private static Optional<Figure> chart(List<ComparedRun> runs, Map<String, List<Optional<Estimate>>> bySeries,
                                          String title, String axis, String id, String caption, boolean floorLine) {
        if (bySeries.isEmpty()) {
            return Optional.empty();
        }
        List<String> series = List.copyOf(bySeries.keySet());
        List<String> categories = distinct(SeriesText.labels(series.stream().map(SeriesText::parse).toList()));
        List<String> labels = runs.stream().map(ComparedRun::label).toList();
        // Default colours: SeriesStyle.byIndex by run, the same as the percentile lines'.
        BarChart chart = new BarChart(title, "", axis).series(labels).categories(categories)
                .logAxisWhenSpanning(SPAN_FOR_LOG_AXIS);
        for (int s = 0; s < series.size(); s++) {
            List<Optional<Estimate>> values = bySeries.get(series.get(s));
            for (int r = 0; r < runs.size(); r++) {
                Optional<Estimate> e = values.get(r);
                if (e.isPresent()) {
                    chart.bar(labels.get(r), categories.get(s), e.get().value(), e.get().low(), e.get().high());
                }
            }
        }
        if (floorLine) {
            chart.reference(1);
        }
        if (series.size() > HORIZONTAL_FROM) {
            chart.horizontal();
        }
        return Optional.of(new Figure(id, SeriesText.parse(series.getFirst()).question(), caption, chart.build()));
    }

    /** Labels made unique (two series can differ only in what the short label leaves out). */
    private static List<String> distinct(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            String unique = l;
            for (int n = 2; out.contains(unique); n++) {
                unique = l + " (" + n + ")";
            }
            out.add(unique);
        }
        return out;
    }

    /** Q1 round trips at 64 B and the floor: latency by percentile, one line per run. */
    private static List<Figure> percentiles(List<ComparedRun> runs) throws BadInputException {
        Map<String, List<Line>> bySeries = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            ComparedRun run = runs.get(i);
            RawCsv csv = run.run().table(TidyCsvWriter.LATENCY_PERCENTILES, List.of("benchmark", "percentile", "latency_ns"));
            Map<String, List<Line.Point>> points = new LinkedHashMap<>();
            for (CSVRecord r : csv.records()) {
                String benchmark = csv.required(r, "benchmark");
                String transport = csv.text(r, "transport");
                String size = csv.text(r, "message_bytes");
                if (!benchmark.startsWith("Q1") || !benchmark.endsWith("roundTrip")
                        || !(size.equals(PERCENTILE_SIZE) || transport.equals("floor"))) {
                    continue;
                }
                double p = csv.number(r, "percentile");
                if (p < 100) {
                    String key = benchmark + " " + transport + " " + size + " " + csv.text(r, "wait_strategy") + " "
                            + csv.text(r, "other_params");
                    points.computeIfAbsent(key, k -> new ArrayList<>()).add(new Line.Point(PercentileFormat.position(p),
                            Math.max(1, csv.number(r, "latency_ns"))));
                }
            }
            int index = i;
            points.forEach((key, pts) -> bySeries.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Line(run.label(), SeriesStyle.byIndex(index), pts)));
        }
        List<Figure> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        bySeries.forEach((key, lines) -> {
            String[] k = key.split(" ", -1);
            String title = "Q1 round trip, " + k[1] + (k[1].equals("floor") ? "" : ", " + k[2] + " B")
                    + (k[3].isEmpty() ? "" : ", " + k[3]) + (lines.size() == 1 ? ", " + lines.getFirst().label() : "");
            String id = Figure.safeId("q1_compare_percentiles_" + k[1] + "_" + k[2] + "B_" + k[3] + "_" + k[4]);
            for (int n = 2; !ids.add(id); n++) {
                id = Figure.safeId("q1_compare_percentiles_" + k[1] + "_" + k[2] + "B_" + n);
            }
            out.add(new Figure(id, "Q1", "Round-trip latency by percentile (x = 1/(1-p)), one line per run; "
                    + "measurement intervals of all rounds.", XYCharts.percentiles(title, "round trip (ns)", lines)));
        });
        return out;
    }
}
