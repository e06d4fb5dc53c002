package io.shmbench.report.figure;

import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.report.chart.BarChart;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Palette;

import java.util.Comparator;
import java.util.List;

/**
 * Q0, what measuring costs: the time of the two clock reads, of one histogram record, and of both
 * together (the wrapper every latency benchmark puts around its operation). The last is included
 * in every recorded latency, so it is the resolution below which a latency difference means nothing.
 */
final class Q0Figures {
    static final String Q = "Q0";
    private static final int BARS_PT = 150;

    private Q0Figures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<OperationTime> rows = t.operationTimes().stream().filter(r -> r.key().question().equals(Q))
                .sorted(Comparator.comparingDouble(OperationTime::nsPerOp)).toList();
        if (rows.isEmpty()) {
            out.skip(Q, "no Q0RecordingCost results in this run");
            return;
        }
        String axis = "time per operation (ns)";
        BarChart bars = new BarChart("Q0 cost of recording a latency", null, axis).series(List.of(axis))
                .categories(rows.stream().map(r -> MethodWords.of(r.key().method()).name()).toList()).horizontal();
        rows.forEach(r -> bars.bar(axis, MethodWords.of(r.key().method()).name(), r.nsPerOp(), r.nsPerOpError()));
        bars.colour((s, c) -> Palette.GREY);
        out.add(new Figure("q0_recording_cost", Q, "Average time of the clock reads alone, of one HdrHistogram record "
                + "alone, and of both as every latency benchmark does them around its operation (the last is included in "
                + "every latency this run recorded); error bars: JMH's 99.9% confidence interval. A few tens of ns is "
                + "normal with a TSC clock source; hundreds point at a slow clock source (see README).",
                bars.build(), ChartStyle.WIDTH_PT, BARS_PT));
    }
}
