package io.shmbench.report.figure;

import io.shmbench.measure.SeriesName;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.OperationTime;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.Throughput;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Q5, AoS or SoA: the cost of writing a snapshot, aggregating one feature and reading everything,
 * one bar per payload layout (AoS, SoA, hybrid), grouped by server count: across two processes
 * (latency logs) and in one process (JMH's average time), the two side by side on the page.
 */
final class Q5Figures {
    static final String Q = "Q5";

    private Q5Figures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<LatencySeries> latency = FigureKit.latency(t, Q);
        List<Throughput> throughput = FigureKit.throughput(t, Q);
        // In one process the JMH average is the result; a series with its own latency log is drawn from that.
        Set<SeriesName> logged = latency.stream().map(LatencySeries::key).collect(Collectors.toSet());
        List<OperationTime> inProcess = t.operationTimes().stream().filter(r -> r.key().question().equals(Q))
                .filter(r -> !logged.contains(r.key())).toList();
        if (latency.isEmpty() && throughput.isEmpty() && inProcess.isEmpty()) {
            out.skip(Q, "no Q5 latency logs, throughput or average-time results in this run");
            return;
        }
        CategorySpec spec = new CategorySpec(Q, "server count", List.of("servers"), "payloadLayout", List.of(50.0),
                SeriesOrder.VALUES, UnaryOperator.identity(), Map.of(), "One bar per payload layout.", "");
        CategoryFigures.latency(latency, FigureKit.failures(t, Q), spec, out);
        CategoryFigures.throughput(throughput, FigureKit.failures(t, Q), spec, out);
        CategoryFigures.operationTimes(inProcess, FigureKit.failures(t, Q), spec, out);
    }
}
