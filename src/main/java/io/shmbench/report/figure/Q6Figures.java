package io.shmbench.report.figure;

import io.shmbench.report.CoreLatency;
import io.shmbench.report.LatencySeries;
import io.shmbench.report.PlacementAvailability;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.Throughput;
import io.shmbench.report.chart.ChartStyle;
import io.shmbench.report.chart.Figure;
import io.shmbench.report.chart.Heatmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Q6, where the processes sit: latency and throughput of floor, shm-ring and uds per placement
 * (placements this host cannot offer shown as unavailable, with the reason), and the all-pairs
 * core-to-core floor round trip as a heatmap.
 */
final class Q6Figures {
    static final String Q = "Q6";
    static final List<String> PLACEMENTS = List.of("same-core", "smt-sibling", "cross-core", "cross-node",
            "cross-node-remote-memory");

    private Q6Figures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<LatencySeries> latency = FigureKit.latency(t, Q);
        List<Throughput> throughput = FigureKit.throughput(t, Q);
        if (latency.isEmpty() && throughput.isEmpty() && t.coreMatrix().isEmpty()) {
            out.skip(Q, "no Q6 latency logs, throughput results or raw/q6_core_matrix.csv in this run");
            return;
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (PlacementAvailability p : t.placements()) {
            if (!p.available()) {
                unavailable.put(p.name(), "unavailable" + (p.reason().isBlank() ? "" : ": " + p.reason()));
            }
        }
        CategorySpec spec = new CategorySpec(Q, "placement", List.of("placement"), Variants.TRANSPORT,
                List.of(50.0, 99.0), Comparator.comparingInt(Q6Figures::rank).thenComparing(SeriesOrder.VALUES),
                UnaryOperator.identity(), unavailable,
                "Placements this host cannot offer are listed as unavailable with the reason.", "");
        CategoryFigures.latency(latency, FigureKit.failures(t, Q), spec, out);
        CategoryFigures.throughput(throughput, FigureKit.failures(t, Q), spec, out);
        CategoryFigures.floorMultiples(FigureKit.samePair(t, Q), FigureKit.failures(t, Q), spec, out);
        if (t.coreMatrix().isEmpty()) {
            out.skip(Q, "core-to-core heatmap: no raw/q6_core_matrix.csv in this run");
        } else {
            out.add(heatmap(t.coreMatrix(), "p50", CoreLatency::p50Ns));
            out.add(heatmap(t.coreMatrix(), "p99", CoreLatency::p99Ns));
        }
    }

    /**
     * The matrix with each pair measured in one order only (the benchmark measures unordered pairs,
     * a < b) also drawn in the other, so it reads as a matrix rather than a triangle.
     */
    static List<Heatmap.Cell> symmetric(List<Heatmap.Cell> cells) {
        Set<List<Integer>> present = new HashSet<>();
        cells.forEach(c -> present.add(List.of(c.x(), c.y())));
        List<Heatmap.Cell> all = new ArrayList<>(cells);
        for (Heatmap.Cell c : cells) {
            if (c.x() != c.y() && !present.contains(List.of(c.y(), c.x()))) {
                all.add(new Heatmap.Cell(c.y(), c.x(), c.value()));
            }
        }
        return List.copyOf(all);
    }

    /** Placements from closest to farthest apart (the names the suite's README uses); unknown ones after them. */
    private static int rank(String placement) {
        int i = PLACEMENTS.indexOf(placement);
        return i < 0 ? PLACEMENTS.size() : i;
    }

    private static Figure heatmap(List<CoreLatency> matrix, String name, ToDoubleFunction<CoreLatency> value) {
        List<Heatmap.Cell> cells = symmetric(matrix.stream()
                .map(c -> new Heatmap.Cell(c.cpuA(), c.cpuB(), value.applyAsDouble(c))).toList());
        return new Figure("q6_core_matrix_" + name, Q, name + " floor round trip between every pair of CPUs "
                + "(one cache line bounced between two processes pinned to CPU a and CPU b; a round trip is the "
                + "same both ways, so each pair measured once fills both halves); blank: not measured.",
                Heatmap.create("Q6 core-to-core " + name + " round trip", "CPU a", "CPU b", name + " round trip (ns)", cells),
                ChartStyle.WIDTH_PT, 220);
    }
}
