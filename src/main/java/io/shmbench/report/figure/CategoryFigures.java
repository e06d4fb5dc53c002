package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.Cells;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.Interval;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.OperationTime;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.Throughput;
import io.shmbench.report.chart.BarChart;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Palette;
import io.shmbench.report.chart.SeriesStyle;
import org.jfree.chart.JFreeChart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Bar figures where one parameter makes the categories (memory order, padding variant, server
 * count, placement): latency at chosen percentiles, throughput with its 99.9% confidence interval
 * and the round trip as a multiple of its same-pair floor with its 95% interval. Configurations
 * that failed and categories the host could not offer appear, marked.
 */
final class CategoryFigures {
    private static final double P99_TINT = 0.55;
    private static final String THROUGHPUT = "throughput";

    private CategoryFigures() {
    }

    /** p50 bars in the series colour, p99 bars a lighter tint of it. */
    static Color percentileColour(String series, Color base) {
        return series.startsWith("p99") ? Palette.tint(base, P99_TINT) : base;
    }

    static Map<String, Color> percentileLegend(Color base) {
        Map<String, Color> legend = new LinkedHashMap<>();
        legend.put("p50", base);
        legend.put("p99", Palette.tint(base, P99_TINT));
        return legend;
    }

    static void latency(List<LatencySeries> latency, List<SeriesOutcome> failures, CategorySpec spec, FigureSet out) {
        var groups = Variants.groupBy(latency, LatencySeries::key, fixedParams(latency.stream().map(LatencySeries::key).toList(), spec));
        groups.forEach((group, series) -> {
            MethodWords words = MethodWords.of(group.method());
            String what = words.latencyAxis();
            List<Double> ps = spec.seriesParam() == null ? List.of(50.0, 99.0) : spec.percentiles();
            if (spec.seriesParam() == null) {
                out.add(figure(spec, group, series, LatencySeries::key, failures, "latency", words.latency(),
                        what + " (ns)", List.of("p50", "p99"), (s, k) -> s.at(k.equals("p50") ? 50 : 99),
                        s -> Interval.NONE, "p50 and p99 of " + what));
            } else {
                for (double p : ps) {
                    String name = "p" + Cells.number(p);
                    out.add(figure(spec, group, series, LatencySeries::key, failures, "latency_" + name, words.latency(),
                            name + " " + what + " (ns)", null, (s, k) -> s.at(p), s -> Interval.NONE, name + " of " + what));
                }
            }
        });
    }

    static void throughput(List<Throughput> rows, List<SeriesOutcome> failures, CategorySpec spec, FigureSet out) {
        var groups = Variants.groupBy(rows, Throughput::key, fixedParams(rows.stream().map(Throughput::key).toList(), spec));
        groups.forEach((group, series) -> out.add(figure(spec, group, series, Throughput::key, failures, THROUGHPUT,
                MethodWords.of(group.method()).throughput(), "throughput (messages/s)", spec.seriesParam() == null ? List.of(THROUGHPUT) : null,
                (r, k) -> r.msgsPerS(), r -> Interval.around(r.msgsPerS(), r.msgsPerSError()),
                "throughput with JMH's 99.9% confidence interval as error bars")));
    }

    /** Time per operation (JMH average time) per category, with JMH's 99.9% confidence interval. */
    static void operationTimes(List<OperationTime> rows, List<SeriesOutcome> failures, CategorySpec spec, FigureSet out) {
        var groups = Variants.groupBy(rows, OperationTime::key, fixedParams(rows.stream().map(OperationTime::key).toList(), spec));
        groups.forEach((group, series) -> out.add(figure(spec, group, series, OperationTime::key, failures, "time",
                MethodWords.of(group.method()).name() + " time", "time per operation (ns)",
                spec.seriesParam() == null ? List.of("time") : null, (r, k) -> r.nsPerOp(),
                r -> Interval.around(r.nsPerOp(), r.nsPerOpError()), "average time per operation with JMH's 99.9% "
                        + "confidence interval as error bars")));
    }

    /**
     * The p50 round trip as a multiple of the same-pair floor per category, with its 95% interval;
     * the caption says which intervals overlap and which multiples depend on the host state.
     */
    static void floorMultiples(List<FloorMultiple> rows, List<SeriesOutcome> failures, CategorySpec spec, FigureSet out) {
        List<FloorMultiple> measured = rows.stream().filter(m -> m.samePairP50().isPresent()).toList();
        var groups = Variants.groupBy(measured, FloorMultiple::key, fixedParams(measured.stream().map(FloorMultiple::key).toList(), spec));
        groups.forEach((group, items) -> {
            Figure f = figure(spec, group, items, FloorMultiple::key, failures, "floor_multiple", "round trip \u00f7 same-pair floor",
                    MultipleFindings.P50_AXIS, spec.seriesParam() == null ? List.of("p50") : null,
                    (m, s) -> m.samePairP50().orElseThrow().multiple(), m -> m.samePairP50().orElseThrow().interval(),
                    MultipleFindings.WHAT);
            // Named as the figure labels its bars: the category, then the series within it.
            List<String> labelled = labelled(spec, items.stream().map(FloorMultiple::key).toList());
            Function<FloorMultiple, String> label = m -> category(spec, m.key(), labelled)
                    + (spec.seriesParam() == null ? "" : m.key().param(spec.seriesParam()).map(v -> " \u00b7 " + v).orElse(""));
            out.add(f.withCaption(f.caption() + " " + MultipleFindings.HOW + " " + MultipleFindings.of(items, label)));
        });
    }

    /** The parameters that split figures: all but the category and series parameters. */
    private static List<String> fixedParams(List<SeriesName> keys, CategorySpec spec) {
        List<String> except = new ArrayList<>(spec.categoryParams());
        if (spec.seriesParam() != null) {
            except.add(spec.seriesParam());
        }
        return Variants.allExcept(keys, except.toArray(String[]::new));
    }

    @FunctionalInterface
    interface Value<T> {
        double of(T item, String series);
    }

    /**
     * @param subject     what the title says the bars show: "round-trip latency", "throughput"
     * @param fixedSeries the bar names when the bars of a category are metrics (p50/p99, throughput);
     *                    null when they are the values of the spec's series parameter
     */
    private static <T> Figure figure(CategorySpec spec, SeriesName group, List<T> items, Function<T, SeriesName> key,
                                     List<SeriesOutcome> failures, String kind, String subject, String valueLabel,
                                     List<String> fixedSeries, Value<T> value, Function<T, Interval> interval, String what) {
        List<SeriesOutcome> marked = FigureKit.failuresFor(failures, group.benchmark(), group.params()).stream()
                .filter(o -> spec.categoryParams().stream().allMatch(p -> o.key().param(p).isPresent())).toList();
        List<SeriesName> keys = Stream.concat(items.stream().map(key), marked.stream().map(SeriesOutcome::key)).toList();
        List<String> labelled = labelled(spec, keys);
        Map<String, String> fixed = new LinkedHashMap<>(group.params()); // then the category and series parameters with one value
        Map<String, String> oneValue = Variants.fixed(keys);
        Stream.concat(spec.categoryParams().stream(), Stream.ofNullable(spec.seriesParam()))
                .filter(n -> !labelled.contains(n) && oneValue.containsKey(n)).forEach(n -> fixed.put(n, oneValue.get(n)));
        BarChart bars = new BarChart(FigureKit.withFixed(spec.question() + " " + subject + " by " + spec.axisLabel(),
                fixed), null, valueLabel).logAxisWhenSpanning(FigureKit.SPAN_FOR_LOG_AXIS);
        Set<String> categories = new TreeSet<>(spec.categoryOrder());
        List<String> series = new ArrayList<>();
        Map<String, Color> colours = new LinkedHashMap<>();
        for (T item : items) {
            SeriesName k = key.apply(item);
            String c = category(spec, k, labelled);
            categories.add(c);
            if (SeriesOutcome.stoppedTrial(failures, k)) {
                continue; // its numbers come from a trial that stopped; the category's mark stands in for them
            }
            if (fixedSeries == null) {
                String s = k.param(spec.seriesParam()).orElse("");
                if (!series.contains(s)) {
                    series.add(s);
                }
                Interval i = interval.apply(item);
                bars.bar(s, c, value.of(item, s), i.low(), i.high());
            } else {
                colours.put(c, baseColour(k));
                Interval i = interval.apply(item);
                for (String s : fixedSeries) {
                    bars.bar(s, c, value.of(item, s), i.low(), i.high());
                }
            }
        }
        for (SeriesOutcome o : marked) {
            String c = category(spec, o.key(), labelled);
            categories.add(c);
            bars.mark(c, o.key().param(spec.seriesParam() == null ? "" : spec.seriesParam())
                    .map(s -> s + ": ").orElse("") + o.mark());
        }
        spec.extraMarks().forEach((c, mark) -> {
            categories.add(c);
            int colon = mark.indexOf(':');
            bars.mark(c, colon < 0 ? mark : mark.substring(0, colon));
        });
        if (fixedSeries == null) {
            series.sort(SeriesOrder.VALUES);
            boolean transports = Variants.TRANSPORT.equals(spec.seriesParam());
            for (int i = 0; i < series.size(); i++) {
                colours.put(series.get(i), transports ? SeriesStyle.forTransport(series.get(i), i).colour()
                        : SeriesStyle.byIndex(i).colour());
            }
            bars.series(series).colour((s, c) -> colours.get(s));
        } else {
            bars.series(fixedSeries).colour((s, c) -> percentileColour(s, colours.getOrDefault(c, Palette.BLUE)));
            Color legendColour = colours.values().stream().distinct().count() == 1
                    ? colours.values().iterator().next() : Palette.GREY;
            if (fixedSeries.size() > 1) {
                bars.legend(percentileLegend(legendColour));
            }
        }
        List<String> ordered = new ArrayList<>(categories);
        bars.categories(ordered);
        if (ordered.size() > 4 || ordered.stream().anyMatch(c -> c.length() > 12)) {
            bars.horizontal();
        }
        JFreeChart chart = bars.build();
        if (!spec.extraMarks().isEmpty()) {
            ChartStyle.addNote(chart, "\u2717 " + spec.extraMarks().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining("; ")),
                    Palette.WARNING);
        }
        if (!spec.figureNote().isEmpty()) {
            ChartStyle.addNote(chart, spec.figureNote(), java.awt.Color.DARK_GRAY);
        }
        int height = Math.max(ChartStyle.HEIGHT_PT, bars.isHorizontal() ? 70 + 24 * ordered.size() * Math.max(1, series.size() / 2) : 0);
        String caption = spec.question() + ": " + what + " of " + group.benchmark()
                + (fixed.isEmpty() ? "" : " (" + FigureKit.describe(fixed) + ")")
                + " by " + spec.axisLabel() + "." + (spec.captionNote().isEmpty() ? "" : " " + spec.captionNote());
        return new Figure(Figure.safeId(spec.question().toLowerCase(java.util.Locale.ROOT) + "_" + group.method() + "_"
                + kind + (group.params().isEmpty() ? "" : "_" + FigureKit.idPart(group.params()))), spec.question(),
                caption, chart, ChartStyle.WIDTH_PT, Math.min(height, 420));
    }

    /**
     * The category parameters a label shows: those whose value differs among the figure's keys (the
     * others go to the title); the first one when none does.
     */
    private static List<String> labelled(CategorySpec spec, List<SeriesName> keys) {
        List<String> varying = Variants.varying(keys);
        List<String> shown = spec.categoryParams().stream().filter(varying::contains).toList();
        return shown.isEmpty() ? List.of(spec.categoryParams().getFirst()) : shown;
    }

    private static String category(CategorySpec spec, SeriesName k, List<String> labelled) {
        String label = spec.categoryParams().size() == 1 ? k.param(spec.categoryParams().getFirst()).orElse("")
                : Variants.label(k, labelled);
        return spec.decorate().apply(label);
    }

    private static Color baseColour(SeriesName k) {
        return k.param(Variants.TRANSPORT).map(t -> SeriesStyle.forTransport(t, 0).colour()).orElse(Palette.BLUE);
    }
}
