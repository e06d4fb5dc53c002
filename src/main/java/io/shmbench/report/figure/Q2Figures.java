package io.shmbench.report.figure;

import io.shmbench.report.LatencySeries;
import io.shmbench.report.ReportTables;
import io.shmbench.report.SeriesOrder;
import io.shmbench.report.SeriesOutcome;
import io.shmbench.report.Throughput;
import io.shmbench.ring.MemoryOrder;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Q2, what memory orders cost: latency and throughput per memory order. Orders that give no
 * happens-before (PLAIN, OPAQUE: {@link MemoryOrder#isSafe()} false) carry a dagger, and a variant
 * that hung or delivered wrong messages is marked with what happened.
 */
final class Q2Figures {
    static final String Q = "Q2";
    static final String PARAM = "memoryOrder";
    static final String UNSAFE = " \u2020";

    private Q2Figures() {
    }

    static void build(ReportTables t, FigureSet out) {
        List<LatencySeries> latency = FigureKit.latency(t, Q);
        List<Throughput> throughput = FigureKit.throughput(t, Q);
        List<SeriesOutcome> failures = FigureKit.failures(t, Q);
        if (latency.isEmpty() && throughput.isEmpty() && failures.isEmpty()) {
            out.skip(Q, "no Q2 latency logs, throughput results or outcomes in this run");
            return;
        }
        CategorySpec spec = new CategorySpec(Q, "memory order", List.of(PARAM), null, List.of(50.0, 99.0),
                Comparator.comparingInt(Q2Figures::rank).thenComparing(SeriesOrder.VALUES), Q2Figures::decorate,
                Map.of(), "\u2020 gives no happens-before between payload and index: a reader may see a stale or torn "
                + "message. \u2717 marks a variant that timed out or delivered corrupt messages.",
                "\u2020 no happens-before between payload and index: may read stale or torn messages");
        CategoryFigures.latency(latency, failures, spec, out);
        CategoryFigures.throughput(throughput, failures, spec, out);
        CategoryFigures.floorMultiples(FigureKit.samePair(t, Q), failures, spec, out);
    }

    private static String decorate(String order) {
        try {
            return MemoryOrder.valueOf(order).isSafe() ? order : order + UNSAFE;
        } catch (IllegalArgumentException e) {
            return order;
        }
    }

    /** The enum's order (weakest first); unknown names after it. */
    private static int rank(String label) {
        String name = label.replace(UNSAFE, "");
        for (MemoryOrder m : MemoryOrder.values()) {
            if (m.name().equals(name)) {
                return m.ordinal();
            }
        }
        return MemoryOrder.values().length;
    }
}
