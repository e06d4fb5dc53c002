package io.shmbench.report.figure;

import io.shmbench.report.FloorMultiple;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.Throughput;
import io.shmbench.report.TidyCsvWriter;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.Palette;
import io.shmbench.report.chart.PercentileFormat;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.JFreeChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Small pieces every question's figures share. */
final class FigureKit {
    static final String MESSAGE_BYTES = "messageBytes";
    /** Bars whose values span this factor or more get a log value axis. */
    static final double SPAN_FOR_LOG_AXIS = 100;

    private FigureKit() {
    }

    static List<LatencySeries> latency(ReportTables t, String question) {
        return t.latency().stream().filter(s -> s.key().question().equals(question)).toList();
    }

    static List<Throughput> throughput(ReportTables t, String question) {
        return t.throughput().stream().filter(r -> r.key().question().equals(question)).toList();
    }

    /**
     * The same-pair multiples of a question's round trips; the floor transport's own series is the
     * yardstick, not one of the bars.
     */
    static List<FloorMultiple> samePair(ReportTables t, String question) {
        return t.floorMultiples().stream().filter(m -> m.key().question().equals(question))
                .filter(m -> m.samePairP50().isPresent())
                .filter(m -> m.key().param(FloorMultiple.TRANSPORT).filter(FloorMultiple.FLOOR::equals).isEmpty())
                .toList();
    }

    /** Outcomes of a question that are not ok. */
    static List<SeriesOutcome> failures(ReportTables t, String question) {
        return t.outcomes().stream().filter(o -> !o.ok() && o.key().question().equals(question)).toList();
    }

    /** Failures of {@code benchmark} that agree with every fixed parameter of a figure. */
    static List<SeriesOutcome> failuresFor(List<SeriesOutcome> failures, String benchmark, Map<String, String> fixed) {
        return failures.stream().filter(o -> o.key().benchmark().equals(benchmark))
                .filter(o -> fixed.entrySet().stream()
                        .allMatch(e -> o.key().param(e.getKey()).map(e.getValue()::equals).orElse(true)))
                .toList();
    }

    /** The points of HdrHistogram's percentile distribution, x = 1/(1-p); 100% (x infinite) left out. */
    static List<Line.Point> percentilePoints(LatencySeries s) {
        List<Line.Point> points = new ArrayList<>();
        for (HistogramIterationValue v : s.histogram().percentiles(TidyCsvWriter.PERCENTILE_TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p < 100.0) {
                points.add(new Line.Point(PercentileFormat.position(p), Math.max(1, v.getValueIteratedTo())));
            }
        }
        return points;
    }

    /** Parameters a title shows as a number with a unit. */
    private static final Map<String, String> UNITS = Map.of(MESSAGE_BYTES, "B", "ratePerSecond", "msg/s",
            "slots", "slots", "servers", "servers");

    /** The fixed parameters of a group, for a title: "64 B, 10,000 msg/s, spin, alignSlots=true". */
    static String describe(Map<String, String> fixed) {
        return fixed.entrySet().stream().map(e -> describe(e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    private static String describe(String name, String value) {
        if (UNITS.containsKey(name) && value.matches("[0-9]{1,18}")) {
            long n = Long.parseLong(value);
            return (n >= 10_000 ? String.format(Locale.ROOT, "%,d", n) : value) + " " + UNITS.get(name);
        }
        return value.matches("-?[0-9.]+|true|false") ? name + "=" + value : value;
    }

    static String withFixed(String title, Map<String, String> fixed) {
        String d = describe(fixed);
        return d.isEmpty() ? title : title + ", " + d;
    }

    /** A title that names the only line of its figure: a chart of one line has no legend. */
    static String withLoneLine(String title, List<Line> lines) {
        return lines.size() == 1 ? title + ", " + lines.getFirst().label() : title;
    }

    /** A figure id part from fixed parameters: "64B_spin". */
    static String idPart(Map<String, String> fixed) {
        return fixed.entrySet().stream().map(e -> MESSAGE_BYTES.equals(e.getKey()) ? e.getValue() + "B" : e.getValue())
                .collect(Collectors.joining("_"));
    }

    /** For XY charts: a note below the plot naming the configurations without a valid result. */
    static void noteFailures(JFreeChart chart, List<SeriesOutcome> failures, List<String> varying) {
        if (failures.isEmpty()) {
            return;
        }
        String text = failures.stream().map(o -> Variants.label(o.key(), varying.isEmpty()
                        ? List.copyOf(o.key().params().keySet()) : varying) + ": " + o.mark())
                .distinct().collect(Collectors.joining("; "));
        ChartStyle.addNote(chart, "\u2717 no valid result \u2014 " + text, Palette.WARNING);
    }
}
