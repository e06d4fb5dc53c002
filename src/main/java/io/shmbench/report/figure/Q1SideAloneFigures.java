package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.Expectations;
import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Line;
import io.shmbench.report.chart.SeriesStyle;
import io.shmbench.report.chart.TickedLogAxis;
import io.shmbench.report.chart.XYCharts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Q1, one side of the ring at a time (Q1RingSideAlone): the time to write one message with nobody
 * reading, and to read one from a filled ring, against the message size, with the one-sided costs
 * the design reasoning expects at 2048 B marked beside them.
 */
final class Q1SideAloneFigures {
    static final String BENCHMARK_CLASS = "Q1RingSideAlone";

    private Q1SideAloneFigures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<OperationTime> rows = t.operationTimes().stream()
                .filter(r -> r.key().benchmarkClass().equals(BENCHMARK_CLASS))
                .filter(r -> r.key().param(FigureKit.MESSAGE_BYTES).isPresent()).toList();
        if (rows.isEmpty()) {
            out.skip(Q1Figures.Q, "one side alone: no Q1RingSideAlone results in this run");
            return;
        }
        // One line per method and remaining parameters (the reader's mode), message size along x.
        var bySeries = Variants.groupBy(rows, OperationTime::key,
                Variants.allExcept(rows.stream().map(OperationTime::key).toList(), FigureKit.MESSAGE_BYTES));
        List<SeriesName> keys = new ArrayList<>(bySeries.keySet());
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SeriesName k = keys.get(i);
            String name = k.method() + (k.params().isEmpty() ? "" : " \u00b7 " + Variants.label(k, List.copyOf(k.params().keySet())));
            lines.add(new Line(name, SeriesStyle.byIndex(i), bySeries.get(k).stream()
                    .map(r -> Line.Point.withError(bytes(r), r.nsPerOp(), r.nsPerOpError()))
                    .sorted(Comparator.comparingDouble(Line.Point::x)).toList()));
        }
        // Both sides' estimates as one series of crosses, drawn last so the measured markers do not hide them.
        lines.add(new Line("expected at " + Expectations.SIDE_ALONE_BYTES + " B: write ~" + (int) Expectations.RING_WRITE_NS
                + ", read ~" + (int) Expectations.RING_READ_NS + " ns", SeriesStyle.EXPECTED_POINTS, List.of(
                new Line.Point(Expectations.SIDE_ALONE_BYTES, Expectations.RING_WRITE_NS),
                new Line.Point(Expectations.SIDE_ALONE_BYTES, Expectations.RING_READ_NS))));
        out.add(new Figure("q1_ring_side_alone", Q1Figures.Q, "Time to write one message into the ring with nobody "
                + "reading, and to read one from a filled ring (per reader mode), against the message size (log-log): each "
                + "side's own CPU cost with the ring in this core's caches, without the cache-line transfers of a round "
                + "trip. Error bars: JMH's 99.9% confidence interval. Black crosses: the design's back-of-the-envelope estimate for "
                + "2048 B (write ~" + (int) Expectations.RING_WRITE_NS + " ns, read ~" + (int) Expectations.RING_READ_NS
                + " ns; " + Expectations.SOURCE + "), not measured.",
                XYCharts.lines("Q1 one side of the ring alone", TickedLogAxis.powersOfTwo("message size (bytes)", 7),
                        TickedLogAxis.decades("time per message (ns)"), lines)));
    }

    private static double bytes(OperationTime r) {
        return Double.parseDouble(r.key().param(FigureKit.MESSAGE_BYTES).orElseThrow());
    }
}
