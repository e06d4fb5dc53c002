package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.Cells;
import io.shmbench.report.Expectations;
import io.shmbench.ring.SizingRule;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.LossPoint;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.Throughput;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.TickedLogAxis;
import io.shmbench.report.chart.XYCharts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Q3, how many slots: throughput and latency against the slot count (1 to 64K, powers of two and
 * not, so mask against modulo shows), and in OVERWRITE mode the fraction lost and the staleness of
 * what is read, one line per writer/reader rate ratio, beside what the sizing rule predicts.
 */
final class Q3Figures {
    static final String Q = "Q3";
    static final String SLOTS = "slots";

    private Q3Figures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<LatencySeries> latency = FigureKit.latency(t, Q).stream().filter(s -> s.key().param(SLOTS).isPresent()).toList();
        List<Throughput> throughput = FigureKit.throughput(t, Q).stream().filter(r -> r.key().param(SLOTS).isPresent()).toList();
        if (latency.isEmpty() && throughput.isEmpty() && t.loss().isEmpty()) {
            out.skip(Q, "no Q3 latency logs, throughput results or raw/q3_overwrite_loss.csv in this run");
            return;
        }
        List<SeriesOutcome> failures = FigureKit.failures(t, Q);
        latencyVsSlots(latency, failures, out);
        // A bar per slot count: the multiples are about telling slot counts apart, and their intervals say whether they can be.
        CategoryFigures.floorMultiples(FigureKit.samePair(t, Q), failures, new CategorySpec(Q, "slots", List.of(SLOTS), null,
                List.of(50.0), SeriesOrder.VALUES, java.util.function.UnaryOperator.identity(), Map.of(), "", ""), out);
        throughputVsSlots(throughput, failures, out);
        loss(t.loss(), out);
    }

    private static void latencyVsSlots(List<LatencySeries> latency, List<SeriesOutcome> failures, FigureSet out) {
        var figures = Variants.groupBy(latency, LatencySeries::key, List.of());
        figures.forEach((group, series) -> {
            var bySeries = Variants.groupBy(series, LatencySeries::key,
                    Variants.allExcept(series.stream().map(LatencySeries::key).toList(), SLOTS));
            List<SeriesName> keys = new ArrayList<>(bySeries.keySet());
            List<String> vary = Variants.varying(keys);
            var styles = Variants.styles(keys);
            List<Line> lines = new ArrayList<>();
            bySeries.forEach((k, s) -> {
                String name = keys.size() == 1 ? "" : Variants.label(k, vary) + " ";
                lines.add(new Line(name + "p50", styles.get(k), points(s, x -> x.at(50))));
                lines.add(new Line(name + "p99", styles.get(k).dashed(), points(s, x -> x.at(99))));
            });
            MethodWords words = MethodWords.of(group.method());
            String what = words.latencyAxis();
            JFreeChart chart = XYCharts.lines(FigureKit.withFixed("Q3 " + words.latency() + " vs slots",
                            Variants.fixed(series.stream().map(LatencySeries::key).toList())), TickedLogAxis.powersOfTwo("slots", 6),
                    TickedLogAxis.decades(what + " (ns)"), lines);
            FigureKit.noteFailures(chart, FigureKit.failuresFor(failures, group.benchmark(), Map.of()), vary);
            out.add(new Figure(Figure.safeId("q3_" + group.method() + "_latency_vs_slots"), Q,
                    "p50 (solid) and p99 (dashed) " + what + " of " + group.benchmark() + " against the slot count.", chart));
        });
    }

    private static void throughputVsSlots(List<Throughput> rows, List<SeriesOutcome> failures, FigureSet out) {
        var figures = Variants.groupBy(rows, Throughput::key, List.of());
        figures.forEach((group, series) -> {
            var bySeries = Variants.groupBy(series, Throughput::key,
                    Variants.allExcept(series.stream().map(Throughput::key).toList(), SLOTS));
            List<SeriesName> keys = new ArrayList<>(bySeries.keySet());
            List<String> vary = Variants.varying(keys);
            var styles = Variants.styles(keys);
            List<Line> lines = new ArrayList<>();
            bySeries.forEach((k, s) -> lines.add(new Line(keys.size() == 1 ? "throughput" : Variants.label(k, vary),
                    styles.get(k), s.stream().map(r -> Line.Point.withError(slots(r.key()), r.msgsPerS(), r.msgsPerSError()))
                    .sorted(Comparator.comparingDouble(Line.Point::x)).toList())));
            JFreeChart chart = XYCharts.lines(FigureKit.withFixed("Q3 " + MethodWords.of(group.method()).throughput()
                            + " vs slots", Variants.fixed(series.stream().map(Throughput::key).toList())),
                    TickedLogAxis.powersOfTwo("slots", 6), TickedLogAxis.decades("throughput (messages/s)"), lines);
            FigureKit.noteFailures(chart, FigureKit.failuresFor(failures, group.benchmark(), Map.of()), vary);
            out.add(new Figure(Figure.safeId("q3_" + group.method() + "_throughput_vs_slots"), Q,
                    "Throughput of " + group.benchmark() + " against the slot count; error bars: JMH's 99.9% confidence interval.",
                    chart));
        });
    }

    private static void loss(List<LossPoint> loss, FigureSet out) {
        if (loss.isEmpty()) {
            out.skip(Q, "loss and staleness vs slots: no raw/q3_overwrite_loss.csv in this run");
            return;
        }
        // With one slot count there is no curve to set a prediction beside.
        boolean predicted = loss.stream().map(LossPoint::slots).distinct().count() > 1;
        Figure lossFigure = lossFigure(loss, "q3_loss_fraction_vs_slots", "Q3 OVERWRITE loss vs slots",
                new NumberAxis("fraction of messages lost"), LossPoint::lossFraction,
                "Fraction of written messages the reader never saw (OVERWRITE mode) against the slot count, one line "
                        + "per writer/reader rate ratio W/R (and per lap policy, dashed the second, when both were measured). "
                        + (predicted ? "Dotted, unmarked: the sizing rule's prediction for each W/R, max(0, 1 \u2212 slots \u00b7 R/W) "
                        + "(a reader draining up to all slots per wake-up; " + Expectations.SOURCE + "), not measured; "
                        + "hence slots = ceil(W/R) plus margin." : "The sizing rule: slots = ceil(W/R) plus margin ("
                        + Expectations.SOURCE + ")."), predicted);
        out.add(lossFigure);
        if (loss.stream().anyMatch(p -> !Double.isNaN(p.stalenessP99Ns()) && p.stalenessP99Ns() > 0)) {
            out.add(lossFigure(loss, "q3_staleness_vs_slots", "Q3 OVERWRITE staleness vs slots",
                    TickedLogAxis.decades("p99 staleness (ns)"), LossPoint::stalenessP99Ns,
                    "p99 age of what the reader reads (OVERWRITE mode) against the slot count, per rate ratio W/R"
                            + " (and lap policy).", false));
        }
    }

    private static Figure lossFigure(List<LossPoint> loss, String id, String title, org.jfree.chart.axis.ValueAxis y,
                                     ToDoubleFunction<LossPoint> value, String caption, boolean predicted) {
        // One line per rate ratio, and per lap policy when the run measured more than one (dashed: the second).
        boolean policies = loss.stream().map(LossPoint::lapPolicy).distinct().count() > 1;
        Map<Double, Integer> ratioIndex = new TreeMap<>();
        loss.forEach(p -> ratioIndex.putIfAbsent(p.rateRatio(), 0));
        int next = 0;
        for (var e : ratioIndex.entrySet()) {
            e.setValue(next++);
        }
        Map<List<Object>, List<LossPoint>> byLine = new java.util.LinkedHashMap<>();
        loss.stream().sorted(Comparator.comparing(LossPoint::lapPolicy).thenComparingDouble(LossPoint::rateRatio))
                .forEach(p -> byLine.computeIfAbsent(List.of(p.lapPolicy(), p.rateRatio()), k -> new ArrayList<>()).add(p));
        String firstPolicy = loss.stream().map(LossPoint::lapPolicy).sorted().findFirst().orElse("");
        List<Line> lines = new ArrayList<>();
        for (var e : byLine.entrySet()) {
            boolean log = y instanceof TickedLogAxis;
            String policy = (String) e.getKey().get(0);
            double ratio = (Double) e.getKey().get(1);
            SeriesStyle style = SeriesStyle.byIndex(ratioIndex.get(ratio));
            lines.add(new Line("W/R = " + Cells.number(ratio) + (policies ? ", resume " + policy : ""),
                    policies && !policy.equals(firstPolicy) ? style.dashed() : style,
                    e.getValue().stream().filter(p -> !log || value.applyAsDouble(p) > 0)
                            .map(p -> new Line.Point(p.slots(), value.applyAsDouble(p)))
                            .filter(p -> !Double.isNaN(p.y()))
                            .sorted(Comparator.comparingDouble(Line.Point::x)).toList()));
        }
        if (predicted) {
            int lowest = (int) loss.stream().mapToLong(LossPoint::slots).min().orElse(1);
            int highest = (int) loss.stream().mapToLong(LossPoint::slots).max().orElse(1);
            ratioIndex.forEach((ratio, index) -> lines.add(new Line("rule, W/R = " + io.shmbench.report.Cells.number(ratio),
                    SeriesStyle.byIndex(index).expected(), prediction(ratio, lowest, highest))));
        }
        if (y instanceof NumberAxis n) {
            n.setRange(0, 1.02);
        }
        return new Figure(id, Q, caption, XYCharts.lines(FigureKit.withLoneLine(title, lines),
                TickedLogAxis.powersOfTwo("slots", 6), y, lines));
    }

    /**
     * The sizing rule's loss for one rate ratio at every whole slot count up to where it reaches 0
     * (slots = ceil(W/R)), then flat to the largest slot count measured.
     */
    static List<Line.Point> prediction(double ratio, int lowest, int highest) {
        java.util.TreeSet<Integer> slots = new java.util.TreeSet<>();
        for (int s = lowest; s <= Math.min(highest, SizingRule.slotsFor(ratio)); s++) {
            slots.add(s);
        }
        slots.add(highest);
        return slots.stream().map(s -> new Line.Point(s, SizingRule.predictedLossFraction(s, ratio))).toList();
    }

    private static List<Line.Point> points(List<LatencySeries> series, ToDoubleFunction<LatencySeries> value) {
        return series.stream().map(s -> new Line.Point(slots(s.key()), value.applyAsDouble(s)))
                .sorted(Comparator.comparingDouble(Line.Point::x)).toList();
    }

    private static double slots(SeriesName k) {
        return Double.parseDouble(k.param(SLOTS).orElseThrow());
    }
}
