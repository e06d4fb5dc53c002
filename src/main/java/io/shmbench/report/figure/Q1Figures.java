package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.Expectations;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.Throughput;
import io.shmbench.report.chart.BarChart;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.Palette;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.TickedLogAxis;
import io.shmbench.report.chart.XYCharts;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Q1, how fast is each transport: the latency percentile distribution per message size, throughput
 * against message size, and the round trip as a multiple of the floor.
 */
final class Q1Figures {
    static final String Q = "Q1";
    private static final int TALL_PT = 236;
    /** Bars per transport: room for ten of them. */
    private static final int BARS_PT = 220;
    /** More series than this in one figure and the legend crowds out the plot. */
    private static final int MAX_SERIES = 10;
    private static final String WAIT_STRATEGY = "waitStrategy";
    /** A series sending at this imposed rate: its throughput is the rate it was given, not a measurement. */
    private static final String RATE = "ratePerSecond";
    /** The benchmark that sends at an imposed rate and records one-way latency. */
    private static final String RATE_METHOD = "fixedRate";
    static final String CPU_AXIS = "CPU time per message, both processes (ns)";
    private static final String THROUGHPUT_AXIS = "throughput (messages/s)";
    /** The sink's own work alone, in one process (bench.Q1SinkAlone): the ceiling of every throughput. */
    static final String SINK_ALONE = "Q1SinkAlone";
    static final String SINK_ALONE_LABEL = "sink alone: the ceiling";

    private Q1Figures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<LatencySeries> latency = FigureKit.latency(t, Q);
        List<Throughput> throughput = FigureKit.throughput(t, Q);
        if (latency.isEmpty() && throughput.isEmpty()) {
            out.skip(Q, "no Q1 latency logs or throughput results in this run");
            return;
        }
        List<SeriesOutcome> failures = FigureKit.failures(t, Q);
        percentiles(latency, failures, out);
        List<Throughput> sized = throughput.stream().filter(r -> r.key().param(FigureKit.MESSAGE_BYTES).isPresent())
                .filter(r -> !isSinkAlone(r)).toList();
        List<Throughput> sinkAlone = throughput.stream().filter(Q1Figures::isSinkAlone).toList();
        throughputVsSize(sized.stream().filter(r -> r.key().param(RATE).isEmpty()).toList(), sinkAlone, failures, out);
        cpuPerMessage(sized, failures, out);
        floorMultiples(t.floorMultiples(), failures, out);
    }

    private static void percentiles(List<LatencySeries> latency, List<SeriesOutcome> failures, FigureSet out) {
        var groups = figures(latency, LatencySeries::key);
        groups.forEach((group, series) -> {
            List<SeriesName> keys = series.stream().map(LatencySeries::key).toList();
            List<String> vary = named(Variants.varying(keys), keys);
            var styles = Variants.styles(keys);
            // Legend in the order the lines are stacked: slowest first.
            List<Line> lines = series.stream().sorted(Comparator.comparingLong((LatencySeries s) -> -s.at(50))).map(s -> new Line(Variants.label(s.key(), vary), styles.get(s.key()),
                    FigureKit.percentilePoints(s))).toList();
            MethodWords words = MethodWords.of(group.method());
            JFreeChart chart = XYCharts.percentiles(FigureKit.withLoneLine(FigureKit.withFixed("Q1 " + words.latency(),
                    group.params()), lines), words.latencyAxis() + " (ns)", lines);
            FigureKit.noteFailures(chart, FigureKit.failuresFor(failures, group.benchmark(), group.params()), vary);
            String expected = expectations(chart, group.method(), keys);
            out.add(new Figure(Figure.safeId("q1_" + group.method() + "_percentiles_" + FigureKit.idPart(group.params())),
                    Q, "Latency distribution by percentile (HdrHistogram style: x = 1/(1\u2212p), both axes log) of every "
                    + group.benchmark() + " series" + (group.params().isEmpty() ? "" : " at "
                    + FigureKit.describe(group.params())) + "; measurement intervals only." + expected,
                    chart, ChartStyle.WIDTH_PT, TALL_PT));
        });
        if (latency.isEmpty()) {
            out.skip(Q, "latency percentiles: no Q1 latency logs in this run");
        }
    }

    /**
     * Draws the expected latency of each mechanism the figure's transports use (a round trip is two
     * one-way latencies; the fixed-rate benchmark measures one way) and says so in the caption;
     * nothing for other methods.
     */
    private static String expectations(JFreeChart chart, String method, List<SeriesName> keys) {
        boolean roundTrip = method.equals("roundTrip");
        if (!roundTrip && !method.equals(RATE_METHOD)) {
            return "";
        }
        List<Expectations.Mechanism> drawn = Expectations.MECHANISMS.stream().filter(m -> keys.stream()
                .anyMatch(k -> k.param(Variants.TRANSPORT).filter(m.transports()::contains).isPresent())).toList();
        Map<Double, String> lines = new TreeMap<>();
        for (Expectations.Mechanism m : drawn) {
            double ns = roundTrip ? m.roundTripNs() : m.oneWayNs();
            lines.put(ns, "expected: " + m.name() + " ~" + TimeScale.format(ns));
        }
        XYCharts.expectationLines(chart, lines);
        return drawn.isEmpty() ? "" : " Dash-dotted grey lines: the rough " + (roundTrip ? "round trip (two one-way latencies)"
                : "one-way latency") + " expected of each mechanism (" + Expectations.SOURCE + "), not measured.";
    }

    /**
     * One figure per group of series that differ only by transport and wait strategy (and by
     * {@code alongX}, the x axis); a group of more than {@link #MAX_SERIES} series is split by wait
     * strategy.
     */
    private static <T> Map<SeriesName, List<T>> figures(List<T> items, Function<T, SeriesName> key, String... alongX) {
        List<String> free = new ArrayList<>(List.of(Variants.TRANSPORT, WAIT_STRATEGY));
        free.addAll(List.of(alongX));
        List<String> fixed = Variants.allExcept(items.stream().map(key).toList(), free.toArray(String[]::new));
        Map<SeriesName, List<T>> out = new LinkedHashMap<>();
        Variants.groupBy(items, key, fixed).forEach((group, members) -> {
            long series = members.stream().map(m -> {
                Map<String, String> p = new TreeMap<>(key.apply(m).params());
                p.keySet().removeAll(List.of(alongX));
                return p;
            }).distinct().count();
            if (series <= MAX_SERIES) {
                out.put(group, members);
            } else {
                List<String> finer = new ArrayList<>(fixed);
                finer.add(WAIT_STRATEGY);
                out.putAll(Variants.groupBy(members, key, finer));
            }
        });
        return out;
    }

    /** Q1 is about transports: a legend names the transport (and wait strategy) even when one series is alone. */
    private static List<String> named(List<String> varying, List<SeriesName> keys) {
        List<String> names = new ArrayList<>();
        for (String always : List.of(Variants.TRANSPORT, WAIT_STRATEGY)) {
            if (varying.contains(always) || keys.stream().allMatch(k -> k.param(always).isPresent())) {
                names.add(always);
            }
        }
        varying.stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    static boolean isSinkAlone(Throughput r) {
        return r.key().benchmarkClass().equals(SINK_ALONE);
    }

    /**
     * Throughput against message size (log-log), with the sink alone's rate at the same sizes as a
     * line of its own; bars per transport when the run has one message size.
     */
    private static void throughputVsSize(List<Throughput> measured, List<Throughput> sinkAlone, List<SeriesOutcome> failures,
                                         FigureSet out) {
        if (measured.isEmpty()) {
            out.skip(Q, "throughput vs message size: no Q1 throughput results with a message size (and no imposed rate)");
            return;
        }
        var groups = figures(measured, Throughput::key, FigureKit.MESSAGE_BYTES);
        groups.forEach((group, rows) -> {
            List<SeriesOutcome> marked = FigureKit.failuresFor(failures, group.benchmark(), group.params());
            List<String> sizes = rows.stream().map(Q1Figures::size).distinct().toList();
            if (sizes.size() == 1) {
                Map<String, String> fixed = new TreeMap<>(group.params());
                fixed.put(FigureKit.MESSAGE_BYTES, sizes.getFirst());
                out.add(perTransport(group, fixed, "throughput", "Q1 " + MethodWords.of(group.method()).throughput(),
                        THROUGHPUT_AXIS, rows, Throughput::msgsPerS, Throughput::msgsPerSError, marked,
                        "Throughput of " + group.benchmark() + " per transport at " + FigureKit.describe(fixed)
                                + " (the run's only message size); error bars: JMH's 99.9% confidence interval, cut at zero."));
                return;
            }
            var bySeries = Variants.groupBy(rows, Throughput::key,
                    Variants.allExcept(rows.stream().map(Throughput::key).toList(), FigureKit.MESSAGE_BYTES));
            List<SeriesName> seriesKeys = new ArrayList<>(bySeries.keySet());
            List<String> vary = named(Variants.varying(seriesKeys), seriesKeys);
            var styles = Variants.styles(seriesKeys);
            List<Throughput> ceiling = sinkAlone.stream().filter(r -> sizes.contains(size(r))).toList();
            out.add(sizeFigure(group, "msgs", THROUGHPUT_AXIS, bySeries, vary, styles, marked, ceiling,
                    Throughput::msgsPerS, Throughput::msgsPerSError));
            out.add(sizeFigure(group, "bytes", "throughput (bytes/s)", bySeries, vary, styles, marked, ceiling,
                    Throughput::bytesPerS, r -> r.msgsPerSError() * Double.parseDouble(size(r))));
        });
    }

    private static String size(Throughput r) {
        return r.key().param(FigureKit.MESSAGE_BYTES).orElseThrow();
    }

    /**
     * CPU time of both processes per message, per transport: what a transport costs besides its
     * latency (a busy-spinning one burns a core while it waits); for a fixed-rate run the only
     * throughput-side figure, its rate being imposed.
     */
    private static void cpuPerMessage(List<Throughput> sized, List<SeriesOutcome> failures, FigureSet out) {
        List<Throughput> withCpu = sized.stream().filter(r -> !Double.isNaN(r.cpuNsPerMsg())).toList();
        if (withCpu.isEmpty()) {
            out.skip(Q, "CPU per message: no Q1 throughput result reports the CPU time of both processes");
            return;
        }
        figures(withCpu, Throughput::key).forEach((group, rows) -> out.add(perTransport(group, group.params(), "cpu",
                "Q1 CPU per message, " + MethodWords.of(group.method()).name(), CPU_AXIS, rows,
                Throughput::cpuNsPerMsg, r -> Double.NaN, FigureKit.failuresFor(failures, group.benchmark(), group.params()),
                "CPU time sender and receiver together spent per message (" + group.benchmark() + " at "
                        + FigureKit.describe(group.params()) + "), per transport: a transport that busy-spins pays "
                        + "in CPU what it saves in latency.")));
    }

    /** Bars of one value per transport (and wait strategy), highest first. */
    private static Figure perTransport(SeriesName group, Map<String, String> fixed, String kind, String title, String valueLabel,
                                       List<Throughput> rows, ToDoubleFunction<Throughput> value,
                                       ToDoubleFunction<Throughput> error, List<SeriesOutcome> failures, String caption) {
        List<Throughput> sorted = rows.stream().sorted(Comparator.comparingDouble(r -> -value.applyAsDouble(r))).toList();
        List<SeriesName> keys = sorted.stream().map(Throughput::key).toList();
        BarChart bars = new BarChart(FigureKit.withFixed(title, fixed), null, valueLabel).series(List.of(valueLabel))
                .logAxisWhenSpanning(FigureKit.SPAN_FOR_LOG_AXIS);
        Map<String, Color> colours = TransportBars.fill(bars, sorted, Throughput::key, named(Variants.varying(keys), keys),
                failures, (r, c) -> bars.bar(valueLabel, c, value.applyAsDouble(r), error.applyAsDouble(r)));
        bars.colour((s, c) -> colours.getOrDefault(c, Palette.GREY));
        return new Figure(Figure.safeId("q1_" + group.method() + "_" + kind + "_" + FigureKit.idPart(fixed)), Q, caption,
                bars.build(), ChartStyle.WIDTH_PT, BARS_PT);
    }

    private static Figure sizeFigure(SeriesName group, String unit, String yLabel, Map<SeriesName, List<Throughput>> bySeries,
                                     List<String> vary, Map<SeriesName, SeriesStyle> styles, List<SeriesOutcome> failures,
                                     List<Throughput> ceiling, ToDoubleFunction<Throughput> value,
                                     ToDoubleFunction<Throughput> error) {
        List<Line> measured = new ArrayList<>();
        // Legend in the order the lines are stacked: highest first.
        List<SeriesName> order = new ArrayList<>(bySeries.keySet());
        order.sort(Comparator.comparingDouble(k -> -bySeries.get(k).stream().mapToDouble(value).max().orElse(0)));
        order.forEach(k -> measured.add(new Line(Variants.label(k, vary), styles.get(k), bySeries.get(k).stream()
                .map(r -> Line.Point.withError(Double.parseDouble(size(r)),
                        value.applyAsDouble(r), error.applyAsDouble(r)))
                .sorted(Comparator.comparingDouble(Line.Point::x)).toList())));
        List<Line> lines = new ArrayList<>();
        if (!ceiling.isEmpty()) { // first, as it is above every transport; the title still names a lone transport
            lines.add(new Line(SINK_ALONE_LABEL, SeriesStyle.CEILING, ceiling.stream()
                    .map(r -> Line.Point.withError(Double.parseDouble(size(r)), value.applyAsDouble(r), error.applyAsDouble(r)))
                    .sorted(Comparator.comparingDouble(Line.Point::x)).toList()));
        }
        lines.addAll(measured);
        JFreeChart chart = XYCharts.lines(FigureKit.withLoneLine(FigureKit.withFixed("Q1 "
                        + MethodWords.of(group.method()).throughput() + " vs message size", group.params()), measured),
                TickedLogAxis.powersOfTwo("message size (bytes)", 7), TickedLogAxis.decades(yLabel), lines);
        FigureKit.noteFailures(chart, failures, vary);
        String fixed = group.params().isEmpty() ? "" : FigureKit.idPart(group.params()) + "_";
        return new Figure(Figure.safeId("q1_" + group.method() + "_throughput_" + fixed + unit), Q,
                "Throughput of " + group.benchmark() + (group.params().isEmpty() ? "" : " at " + FigureKit.describe(group.params()))
                        + " against message size (log-log), " + yLabel
                        + "; error bars: JMH's 99.9% confidence interval (one reaching zero runs to the bottom)."
                        + (ceiling.isEmpty() ? "" : " Black dashes, \"" + SINK_ALONE_LABEL + "\": the sink's own copy and CRC32C of "
                        + "each message in one process with no transport (" + SINK_ALONE + "), the most any transport can "
                        + "deliver into it."), chart);
    }

    private static final String P50 = "p50";
    private static final String P99 = "p99";
    private static final String CROSS_FORK = "p50 \u00f7 cross-fork floor (old)";

    /**
     * The round trip at 64 B as a multiple of the floor, per transport. With the same-pair floor:
     * p50 with its 95% interval and p99 (with the rounds' range), and beside them, hollow, the p50
     * over the floor series run in other forks, so the two methods can be compared. A run made before
     * the same-pair floor gets its cross-fork p50 and p99 as before.
     */
    private static void floorMultiples(List<FloorMultiple> multiples, List<SeriesOutcome> failures, FigureSet out) {
        List<FloorMultiple> at = multiples.stream().filter(m -> FloorMultiple.isRoundTrip(m.key()))
                .filter(m -> m.samePairP50().isPresent() || m.crossFork().isPresent())
                .filter(m -> m.key().param(FigureKit.MESSAGE_BYTES).map(FloorMultiple.SUMMARY_BYTES::equals).orElse(true))
                .toList();
        if (at.isEmpty()) {
            out.skip(Q, "multiple of floor: no round-trip series together with a floor series at " + FloorMultiple.SUMMARY_BYTES + " B");
            return;
        }
        Variants.groupBy(at, FloorMultiple::key, List.of()).forEach((group, unsorted) -> {
            boolean samePair = unsorted.stream().anyMatch(m -> m.samePairP50().isPresent());
            List<FloorMultiple> rows = unsorted.stream().sorted(Comparator.comparingDouble(Q1Figures::sortValue)).toList();
            List<SeriesName> keys = rows.stream().map(FloorMultiple::key).toList();
            List<String> vary = named(Variants.varying(keys), keys);
            List<SeriesOutcome> marked = FigureKit.failuresFor(failures, group.benchmark(),
                    Map.of(FigureKit.MESSAGE_BYTES, FloorMultiple.SUMMARY_BYTES)).stream()
                    // the floor is the yardstick of this figure, not one of its bars (it carries no payload)
                    .filter(o -> o.key().param(FloorMultiple.TRANSPORT).filter(FloorMultiple.FLOOR::equals).isEmpty())
                    .toList();
            out.add(samePair ? samePairFigure(group, rows, vary, marked) : crossForkFigure(group, rows, vary, marked));
        });
    }

    private static double sortValue(FloorMultiple m) {
        return m.samePairP50().map(b -> b.multiple())
                .orElse(m.crossFork().map(c -> c.p50Multiple()).orElse(Double.MAX_VALUE));
    }

    private static Figure samePairFigure(SeriesName group, List<FloorMultiple> rows, List<String> vary, List<SeriesOutcome> marked) {
        BarChart bars = new BarChart("Q1 round trip \u00f7 same-pair floor, " + FloorMultiple.SUMMARY_BYTES + " B", null,
                MultipleFindings.AXIS + " (log)").series(List.of(P50, P99, CROSS_FORK))
                .valueAxis(TickedLogAxis.decades(MultipleFindings.AXIS + " (log)")).hollow(CROSS_FORK)
                .reference(1);
        Map<String, Color> colours = TransportBars.fill(bars, rows, FloorMultiple::key, vary, marked, (m, c) -> {
            m.samePairP50().ifPresent(b -> bars.bar(P50, c, b.multiple(), b.interval().low(), b.interval().high()));
            m.samePair().filter(s -> !Double.isNaN(s.p99Multiple())).ifPresent(s ->
                    bars.bar(P99, c, s.p99Multiple(), s.p99Interval().low(), s.p99Interval().high()));
            m.crossFork().ifPresent(x -> bars.bar(CROSS_FORK, c, x.p50Multiple(), Double.NaN));
        });
        Map<String, Color> legend = CategoryFigures.percentileLegend(Palette.GREY);
        boolean crossFork = rows.stream().anyMatch(m -> m.crossFork().isPresent());
        if (crossFork) { // a run without a floor series has no cross-fork bars
            legend.put(CROSS_FORK, Palette.GREY);
        }
        bars.colour((s, c) -> CategoryFigures.percentileColour(s, colours.getOrDefault(c, Palette.GREY))).legend(legend);
        int blocks = rows.stream().mapToInt(m -> m.samePairP50().map(b -> b.blocks()).orElse(0)).max().orElse(0);
        int rounds = rows.stream().mapToInt(m -> m.samePair().map(s -> s.rounds()).orElse(0)).max().orElse(0);
        String caption = "Round trip of each transport at " + FloorMultiple.SUMMARY_BYTES + " B as a multiple of the same-pair "
                + "floor: one cache line bounced between the same two processes, measured in between the transport's own round "
                + "trips, blocks well under a millisecond apart. Dark bars: p50, the median of the blocks' ratios (up to "
                + blocks + " blocks a transport; error bar: 95% moving-block bootstrap interval). Light bars: p99 of the "
                + "transport over p99 of its floor" + (rounds >= 2 ? " (error bar: lowest to highest of the " + rounds
                + " rounds' values)" : "") + "." + (crossFork ? " Hollow dashed bars: p50 over the floor series measured in "
                + "other forks (cross-fork floor, the older method), for comparison." : "")
                + " Log scale; bars grow from the line at 1, the floor itself. "
                + MultipleFindings.of(rows, m -> Variants.label(m.key(), vary));
        return new Figure(Figure.safeId("q1_" + group.method() + "_floor_multiple_" + FloorMultiple.SUMMARY_BYTES + "B"), Q,
                caption, bars.build(), ChartStyle.WIDTH_PT, Math.max(BARS_PT, 60 + 24 * rows.size()));
    }

    /** A run made before the same-pair floor: its p50 and p99 over the floor series of other forks, as before. */
    private static Figure crossForkFigure(SeriesName group, List<FloorMultiple> rows, List<String> vary, List<SeriesOutcome> marked) {
        BarChart bars = new BarChart("Q1 round trip \u00f7 cross-fork floor, " + FloorMultiple.SUMMARY_BYTES + " B", null,
                "\u00d7 floor round trip (log)").series(List.of(P50, P99))
                .valueAxis(TickedLogAxis.decades("\u00d7 floor"));
        Map<String, Color> colours = TransportBars.fill(bars, rows, FloorMultiple::key, vary, marked, (m, c) -> m.crossFork()
                .ifPresent(x -> bars.bar(P50, c, x.p50Multiple(), Double.NaN).bar(P99, c, x.p99Multiple(), Double.NaN)));
        bars.colour((s, c) -> CategoryFigures.percentileColour(s, colours.getOrDefault(c, Palette.GREY)))
                .legend(CategoryFigures.percentileLegend(Palette.GREY));
        return new Figure(Figure.safeId("q1_" + group.method() + "_floor_multiple_" + FloorMultiple.SUMMARY_BYTES + "B"), Q,
                "Round trip of each transport at " + FloorMultiple.SUMMARY_BYTES + " B as a multiple of the floor (one cache line "
                        + "bounced between the two processes) measured in other forks of the same run (cross-fork): p50 and p99, "
                        + "log scale. The run has no same-pair floor, so a change of the host's speed between the forks "
                        + "moves these ratios.",
                bars.build(), ChartStyle.WIDTH_PT, BARS_PT);
    }
}
