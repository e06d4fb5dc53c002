package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.FloorBlock;
import io.shmbench.report.FloorBlocks;
import io.shmbench.report.FloorMultiple;
import io.shmbench.report.HostStates;
import io.shmbench.report.Median;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SamePairMultiple;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.TickedLogAxis;
import io.shmbench.report.chart.XYCharts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The diagnostic behind the same-pair multiples, one figure per round-trip benchmark: every block a
 * dot, x its floor (which host state it met), y the series' multiple in it. A flat band says the
 * multiple holds whatever state the host is in; a band that falls to the right says the series' time
 * did not grow with the floor. The host-state threshold of each series that had two states is a
 * dashed line.
 */
final class FloorBlockFigures {
    /** Dots per series at most, every k-th block in the order measured. */
    static final int MAX_POINTS_PER_SERIES = 1500;
    /**
     * Dots per figure at most: each costs about 175 bytes of SVG, and the SVG should stay under
     * 1.5 MB. A figure of many series draws fewer dots of each.
     */
    static final int MAX_POINTS_PER_FIGURE = 7000;
    /** Ratios spanning this factor or more get a log axis. */
    private static final double SPAN_FOR_LOG_AXIS = 10;

    private FloorBlockFigures() {
    }

    static void build(ReportTables t, FigureSet out) {
        Map<String, FloorMultiple> multiples = new LinkedHashMap<>();
        t.floorMultiples().forEach(m -> multiples.put(m.key().toString(), m));
        Map<String, List<FloorBlocks>> byBenchmark = t.blocks().stream().filter(b -> b.size() > 0)
                .collect(Collectors.groupingBy(b -> b.key().benchmark(), LinkedHashMap::new, Collectors.toList()));
        byBenchmark.forEach((benchmark, all) -> {
            List<FloorBlocks> series = oneMessageSize(all);
            out.add(figure(benchmark, series, series.size() < all.size(),
                    k -> Optional.ofNullable(multiples.get(k.toString())).flatMap(FloorMultiple::samePair)));
        });
    }

    /**
     * The series of one message size: the summary size (64 B) when the benchmark has several, else
     * the smallest; one dot colour per transport or variant is all a figure can tell apart.
     */
    static List<FloorBlocks> oneMessageSize(List<FloorBlocks> series) {
        List<String> sizes = series.stream().map(b -> b.key().param(FigureKit.MESSAGE_BYTES).orElse("")).distinct().toList();
        if (sizes.size() <= 1) {
            return series;
        }
        String size = sizes.contains(FloorMultiple.SUMMARY_BYTES) ? FloorMultiple.SUMMARY_BYTES
                : sizes.stream().min(Comparator.comparingDouble(FloorBlockFigures::number)).orElseThrow();
        return series.stream().filter(b -> b.key().param(FigureKit.MESSAGE_BYTES).orElse("").equals(size)).toList();
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    /** Thresholds within this factor of the first of their group are drawn as one line. */
    static final double SAME_LINE = 1.15;

    /**
     * One line per group of thresholds that lie close together (each series finds its own, and on
     * one host they mostly agree): the group's median. Placements far apart keep a line each.
     */
    static List<Double> thresholdLines(List<Double> thresholds) {
        List<Double> sorted = thresholds.stream().sorted().toList();
        List<Double> lines = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || sorted.get(i) > SAME_LINE * sorted.get(start)) {
                lines.add(Median.of(sorted.subList(start, i).stream().mapToDouble(Double::doubleValue).toArray()));
                start = i;
            }
        }
        return lines;
    }

    /** The largest 1, 2 or 5 times a power of ten at or below {@code v}. */
    static double roundBelow(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{5, 2, 1}) {
            if (m * decade <= v) {
                return m * decade;
            }
        }
        return decade;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code v}. */
    static double roundAbove(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * decade >= v) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    /** Dots per series in a figure of {@code series} series. */
    static int pointsPerSeries(int series) {
        return Math.min(MAX_POINTS_PER_SERIES, MAX_POINTS_PER_FIGURE / Math.max(1, series));
    }

    /** Every k-th block, k = ceil(n / cap): deterministic, spread over the whole run. */
    static List<FloorBlock> subsample(List<FloorBlock> blocks, int cap) {
        int step = Math.max(1, (blocks.size() + cap - 1) / cap);
        List<FloorBlock> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i += step) {
            out.add(blocks.get(i));
        }
        return out;
    }

    private static Figure figure(String benchmark, List<FloorBlocks> series, boolean oneSizeOfSeveral,
                                 Function<SeriesName, Optional<SamePairMultiple>> samePair) {
        List<SeriesName> keys = series.stream().map(FloorBlocks::key).toList();
        List<String> vary = Variants.varying(keys);
        // Dots cannot show the dash that tells one transport's variants apart: those get a colour each.
        boolean transportOnce = keys.stream().map(k -> k.param(Variants.TRANSPORT).orElse("")).distinct().count() == keys.size();
        Map<SeriesName, SeriesStyle> styles = transportOnce ? Variants.styles(keys) : new LinkedHashMap<>();
        if (!transportOnce) {
            for (int i = 0; i < keys.size(); i++) {
                styles.put(keys.get(i), SeriesStyle.byIndex(i));
            }
        }
        Map<String, String> fixed = Variants.fixed(keys);
        List<Line> lines = new ArrayList<>();
        boolean thinned = false;
        int cap = pointsPerSeries(series.size());
        for (FloorBlocks b : series) {
            List<FloorBlock> shown = subsample(b.blocks(), cap);
            thinned |= shown.size() < b.size();
            lines.add(new Line(Variants.label(b.key(), vary), styles.get(b.key()),
                    shown.stream().map(x -> new Line.Point(x.floorP50Ns(), x.ratio())).toList()));
        }
        var ratios = series.stream().flatMap(b -> b.blocks().stream()).mapToDouble(FloorBlock::ratio).summaryStatistics();
        var floors = series.stream().flatMap(b -> b.blocks().stream()).mapToDouble(FloorBlock::floorP50Ns).summaryStatistics();
        String yLabel = "series p50 \u00f7 floor p50 in the block";
        ValueAxis y;
        if (ratios.getMax() >= SPAN_FOR_LOG_AXIS * ratios.getMin()) {
            y = TickedLogAxis.decades(yLabel);
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false); // the bands' shape is the point, not their distance from zero
            y = linear;
        }
        TickedLogAxis x = TickedLogAxis.decades("block floor p50 (ns, log)");
        // Floors span less than a decade: from a round number below them to one above, so labelled ticks fall inside.
        x.setRange(roundBelow(floors.getMin()), roundAbove(floors.getMax()));
        String question = keys.getFirst().question();
        List<String> split = new ArrayList<>();
        List<Double> thresholds = new ArrayList<>();
        for (FloorBlocks b : series) {
            samePair.apply(b.key()).map(SamePairMultiple::hostStates).filter(HostStates::two).ifPresent(s -> {
                split.add(Variants.label(b.key(), vary));
                thresholds.add(s.thresholdNs());
            });
        }
        List<Double> cuts = thresholdLines(thresholds);
        String method = MethodWords.of(keys.getFirst().method()).name().replace(' ', '-');
        JFreeChart chart = XYCharts.scatter(FigureKit.withFixed(question + " " + method + " blocks vs floor", fixed), x, y,
                lines, cuts, "host-state threshold");
        int blocks = series.stream().mapToInt(FloorBlocks::size).sum();
        String caption = "Every block of " + benchmark + (fixed.isEmpty() ? "" : " (" + FigureKit.describe(fixed) + ")")
                + (oneSizeOfSeveral ? ", at one message size of several" : "") + ": x = the floor's p50 in the block (one "
                + "cache line bounced between the same two processes right after the series' block), y = the series' p50 in "
                + "the block over that floor. A flat band means the multiple holds whatever state the host is in; a band that "
                + "falls to the right means the series' time did not grow with the floor. "
                + (split.isEmpty() ? "No series' blocks fell into two host states."
                : "Dashed: the host-state threshold (Otsu's, on log floor) of " + MultipleFindings.and(split)
                + (cuts.size() < thresholds.size() ? " (thresholds within " + Math.round(100 * (SAME_LINE - 1))
                + "% of each other drawn as one line, at their median)" : "")
                + "; blocks left of it met the fast state, right of it the slow one.")
                + " " + blocks + " blocks" + (thinned ? "; of a series with more than " + cap + ", every k-th is drawn "
                + "(at most " + cap + ")" : "") + ".";
        return new Figure(Figure.safeId(question.toLowerCase(java.util.Locale.ROOT) + "_" + keys.getFirst().method()
                + "_floor_blocks"), question, caption, chart, ChartStyle.WIDTH_PT,
                series.size() > 4 ? ChartStyle.HEIGHT_PT + 40 : ChartStyle.HEIGHT_PT + 20);
    }
}
